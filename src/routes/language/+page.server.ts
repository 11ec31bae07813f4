import type { Actions } from './$types';
import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/server/http';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ request, cookies }) => {
		const form = await request.formData();
		const locale = String(form.get('locale') ?? '');
		if (isLocale(locale)) {
			cookies.set(cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 400, httpOnly: false, sameSite: 'lax' });
		}
		redirect(303, safeReturnPath(form.get('returnTo')));
	}
} satisfies Actions;
