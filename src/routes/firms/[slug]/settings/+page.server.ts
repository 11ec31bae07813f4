import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { firmErrorText } from '$lib/server/firms/firm-errors';
import { updateFirmProfile } from '$lib/server/firms/update-firm-profile';
import type { UpdateFirmProfileField } from '$lib/server/firms/update-firm-profile.schema';
import type { CreateFirmErrorCode } from '$lib/server/firms/create-firm.schema';
import { PROVINCE_IDS, SECTOR_IDS } from '$lib/firm-labels';
import * as m from '$lib/paraglide/messages';

// The firm's profile: owners and co-managers change it; an adviser reads the facts on the firm's page.
export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	return {
		profile: { name: firm.name, employees: String(firm.employees), sector: firm.sector, province: firm.province, worry: firm.worry ?? '' },
		sectors: SECTOR_IDS,
		provinces: PROVINCE_IDS.filter((p) => p !== 'onbekend')
	};
};

export const actions = {
	default: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = (key: string) => {
			const v = form.get(key);
			return typeof v === 'string' ? v : '';
		};
		const result = await updateFirmProfile(app().database.db, firm.id, { name: text('name'), employees: text('employees'), sector: text('sector'), province: text('province'), worry: text('worry') });
		if (!result.ok) {
			const errors: Record<string, string> = {};
			for (const [field, code] of Object.entries(result.errors) as [UpdateFirmProfileField, CreateFirmErrorCode][]) errors[field] = field === 'worry' ? m.advice_error_worry() : firmErrorText(field, code);
			return formError(400, form, m.common_form_has_errors(), errors);
		}
		return { saved: true };
	}
} satisfies Actions;
