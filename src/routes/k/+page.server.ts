import { redirect, type Actions } from '@sveltejs/kit';
import { formError, readForm } from '$lib/web/forms';
import { useCardCode } from '$lib/web/survey/codes';

export const actions: Actions = {
	default: async (event) => {
		const form = (await readForm(event.request)) ?? new FormData();
		const outcome = await useCardCode(event, form.get('code'));
		if (!outcome.ok) return formError(outcome.status, form, outcome.message, { code: outcome.message });
		redirect(303, outcome.to);
	}
};
