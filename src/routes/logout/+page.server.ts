import { redirect, type Actions } from '@sveltejs/kit';
import { app } from '$lib/server/app';

export const load = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request }) => {
		await app().auth.api.signOut({ headers: request.headers });
		redirect(303, '/');
	}
};
