import { error, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { findOffer } from '$lib/server/menukaart/list-offers';
import { saveOffer } from '$lib/server/menukaart/save-offer';
import { offerInputFromForm } from '$lib/server/menukaart/save-offer.schema';
import { offerFormFailure, offerFormValues } from '$lib/web/offer-form';
import { menukaartOptions } from '$lib/menukaart-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const offer = await findOffer(app().database.db, event.params.id);
	if (!offer) error(404, m.common_error_not_found());
	return { offer: offerFormValues(offer), archived: offer.archived, options: menukaartOptions() };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireCoordinator(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const result = await saveOffer(app().database.db, { id: event.params.id, offer: offerInputFromForm(form), userId: user.id });
		if (!result.ok) {
			if ('errors' in result) return offerFormFailure(form, result.errors);
			error(404, m.common_error_not_found());
		}
		redirect(303, '/offers?saved');
	}
};
