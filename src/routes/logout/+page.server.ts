import type { Actions } from './$types';
import { redirect } from '@sveltejs/kit';
import { app } from '$lib/web/app';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ request }) => {
		await app().auth.api.signOut({ headers: request.headers });
		redirect(303, '/');
	}
} satisfies Actions;
