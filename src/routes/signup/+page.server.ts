import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { signUpSchema } from '$lib/server/auth/account.schema';
import { rememberPendingEmail } from '$lib/server/auth/pending-email';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { clientKey, safeReturnPath } from '$lib/server/http';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnPath(url.searchParams.get('returnTo'), '/firms');
	if (locals.user) redirect(303, returnTo);
	return { returnTo, email: (url.searchParams.get('email') ?? '').slice(0, 254) };
};

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(signUpSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits } = app();
		const key = clientKey(event);
		if (!(await limits.signUp.hit(key))) return formError(429, form, m.common_rate_limited({ minutes: Math.ceil((await limits.signUp.retryAfter(key)) / 60) }));
		const returnTo = safeReturnPath(form.get('returnTo'), '/firms');
		try {
			// A known address gets the same answer as a new one; better-auth mails its owner a notice instead
			// of a confirmation link (auth.ts, onExistingUserSignUp), so the page reveals no accounts.
			await auth.api.signUpEmail({ body: { ...parsed.data, callbackURL: returnTo }, headers: event.request.headers });
		} catch (e) {
			if (e instanceof APIError) return formError(400, form, m.account_signup_failed());
			throw e;
		}
		rememberPendingEmail(event.cookies, event.url, { email: parsed.data.email, returnTo });
		redirect(303, '/check-mail');
	}
} satisfies Actions;
