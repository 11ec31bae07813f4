import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { magicLinkSchema, signInSchema } from '$lib/server/auth/account.schema';
import { formError, parseForm, readForm } from '$lib/server/forms';
import { clientKey, safeReturnPath } from '$lib/server/http';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeReturnPath(url.searchParams.get('returnTo'), '/firms'));
	return { magicLinkFailed: url.searchParams.has('error'), returnTo: safeReturnPath(url.searchParams.get('returnTo'), '/firms') };
};

const waitMinutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

export const actions = {
	password: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(signInSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits } = app();
		const key = `${clientKey(event)}|${parsed.data.email}`;
		if (!limits.signIn.hit(key)) return formError(429, form, m.common_rate_limited({ minutes: waitMinutes(limits.signIn.retryAfter(key)) }));
		try {
			await auth.api.signInEmail({ body: parsed.data, headers: event.request.headers });
		} catch (e) {
			if (e instanceof APIError) return formError(400, form, m.account_login_failed());
			throw e;
		}
		redirect(303, safeReturnPath(form.get('returnTo'), '/firms'));
	},
	magic: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(magicLinkSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits } = app();
		const key = clientKey(event);
		if (!limits.magicLink.hit(key)) return formError(429, form, m.common_rate_limited({ minutes: waitMinutes(limits.magicLink.retryAfter(key)) }));
		const callbackURL = safeReturnPath(form.get('returnTo'), '/firms');
		try {
			await auth.api.signInMagicLink({
				body: { email: parsed.data.email, callbackURL, errorCallbackURL: '/login' },
				headers: event.request.headers
			});
		} catch (e) {
			// Unknown addresses get the same answer, so the form does not reveal who has an account.
			if (!(e instanceof APIError)) throw e;
		}
		return { magicSent: true };
	}
} satisfies Actions;
