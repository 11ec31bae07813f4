import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { createFirm } from '$lib/server/firms/create-firm';
import { firmErrorText } from '$lib/server/firms/firm-errors';
import type { CreateFirmErrorCode, CreateFirmField } from '$lib/server/firms/create-firm.schema';
import { PROVINCE_IDS, SECTOR_IDS } from '$lib/firm-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	requireUser(event);
	return { sectors: SECTOR_IDS, provinces: PROVINCE_IDS.filter((p) => p !== 'onbekend') };
};

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = (key: string) => {
			const v = form.get(key);
			return typeof v === 'string' ? v : '';
		};
		const result = await createFirm(app().database.db, {
			name: text('name'),
			slug: text('slug') || undefined,
			sector: text('sector'),
			province: text('province'),
			employees: text('employees'),
			ownerUserId: user.id
		});
		if (!result.ok) {
			const errors: Record<string, string> = {};
			for (const [field, code] of Object.entries(result.errors) as [CreateFirmField, CreateFirmErrorCode][]) errors[field] = firmErrorText(field, code);
			return formError(400, form, m.common_form_has_errors(), errors);
		}
		redirect(303, `/firms/${result.firm.slug}`);
	}
} satisfies Actions;
