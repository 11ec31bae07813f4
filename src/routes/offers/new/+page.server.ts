import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { saveOffer } from '$lib/server/menukaart/save-offer';
import { offerInputFromForm } from '$lib/server/menukaart/save-offer.schema';
import { offerFormFailure } from '$lib/web/offer-form';
import { menukaartOptions } from '$lib/menukaart-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = (event) => {
	requireCoordinator(event);
	return { options: menukaartOptions() };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCoordinator(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const result = await saveOffer(app().database.db, { offer: offerInputFromForm(form), userId: user.id });
		if (!result.ok) return 'errors' in result ? offerFormFailure(form, result.errors) : formError(404, form, m.common_error_not_found());
		redirect(303, '/offers?saved');
	}
};
