import type { Actions } from './$types';
import { redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeReturnPath } from '$lib/server/http';
import { setAccountLanguage } from '$lib/server/auth/account-language';
import { app } from '$lib/web/app';

export const load = () => redirect(303, '/');

export const actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = String(form.get('locale') ?? '');
		// Any of the respondent's six languages; setAccountLanguage keeps only the app's two (nl, en) for mails.
		if (isLocale(locale)) {
			cookies.set(cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 400, httpOnly: false, sameSite: 'lax' });
			// A signed-in person's choice is the account's too: mails sent later without a request use it.
			if (locals.user) await setAccountLanguage(app().database.db, locals.user.id, locale);
		}
		redirect(303, safeReturnPath(form.get('returnTo')));
	}
} satisfies Actions;
