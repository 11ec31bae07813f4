import { redirect, type Actions } from '@sveltejs/kit';
import { formError, readForm } from '$lib/server/forms';
import { useCardCode } from '$lib/server/scan/survey/codes';

export const actions: Actions = {
	default: async (event) => {
		const form = (await readForm(event.request)) ?? new FormData();
		const outcome = await useCardCode(event, form.get('code'));
		if (!outcome.ok) return formError(outcome.status, form, outcome.message, { code: outcome.message });
		redirect(303, outcome.to);
	}
};
