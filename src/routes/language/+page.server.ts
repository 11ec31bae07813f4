import type { Actions } from './$types';
import { redirect } from '@sveltejs/kit';
import { safeReturnPath } from '$lib/server/http';
import { chooseLanguage } from '$lib/web/language';

export const load = () => redirect(303, '/');

export const actions = {
	default: async (event) => {
		const form = await event.request.formData();
		await chooseLanguage(event, form.get('locale'));
		redirect(303, safeReturnPath(form.get('returnTo')));
	}
} satisfies Actions;
