import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { createAction } from '$lib/server/actions/create-action';
import { actionFormInput } from '$lib/server/actions/action-form.schema';
import { actionErrorTexts } from '$lib/server/actions/action-errors';
import { actionFormOptions } from '$lib/server/actions/form-options';
import { ACTION_STATUSES } from '$lib/domain/actions/action';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'plan');
	return { options: await actionFormOptions(app().database.db, firm.id, uiLocale()), statuses: ACTION_STATUSES };
};

export const actions: Actions = {
	default: async (event) => {
		const { firm, user } = await requireFirm(event, 'plan');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const context = { firmId: firm.id, roundId: null, fromSession: false, origin: form.get('entrySlug') ? 'kennisbank' : 'free', userId: user.id, today: dayOf() } as const;
		const result = await createAction(app().database.db, context, actionFormInput(form));
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), 'errors' in result ? actionErrorTexts(result.errors) : {});
		redirect(303, `/firms/${firm.slug}/actions?saved`);
	}
};
