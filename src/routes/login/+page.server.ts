import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { magicLinkSchema, signInSchema } from '$lib/server/auth/account.schema';
import { rememberPendingEmail } from '$lib/server/auth/pending-email';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { clientKey, safeReturnPath } from '$lib/server/http';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnPath(url.searchParams.get('returnTo'), '/firms');
	if (locals.user) redirect(303, returnTo);
	return { magicLinkFailed: url.searchParams.has('error'), passwordReset: url.searchParams.has('reset'), returnTo };
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
		if (!(await limits.signIn.hit(key))) return formError(429, form, m.common_rate_limited({ minutes: waitMinutes(await limits.signIn.retryAfter(key)) }));
		const returnTo = safeReturnPath(form.get('returnTo'), '/firms');
		try {
			await auth.api.signInEmail({ body: { ...parsed.data, callbackURL: returnTo }, headers: event.request.headers });
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
			// Right password, address not proven yet: better-auth has just mailed the link (sendOnSignIn).
			if (e.body?.code === 'EMAIL_NOT_VERIFIED') {
				rememberPendingEmail(event.cookies, event.url, { email: parsed.data.email, returnTo });
				redirect(303, '/check-mail');
			}
			return formError(400, form, m.account_login_failed());
		}
		redirect(303, returnTo);
	},
	magic: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(magicLinkSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits } = app();
		const key = clientKey(event);
		if (!(await limits.magicLink.hit(key))) return formError(429, form, m.common_rate_limited({ minutes: waitMinutes(await limits.magicLink.retryAfter(key)) }));
		const callbackURL = safeReturnPath(form.get('returnTo'), '/firms');
		try {
			// A proven account keeps its password. Only an account whose address was never proven loses it at
			// its first magic link: better-auth's guard against a password planted by someone who signed up
			// with another person's address (sign-up proves the address now, so only old accounts meet it).
			await auth.api.signInMagicLink({ body: { email: parsed.data.email, callbackURL, errorCallbackURL: '/login' }, headers: event.request.headers });
		} catch (e) {
			// Unknown addresses get the same answer, so the form does not reveal who has an account.
			if (!(e instanceof APIError)) throw e;
		}
		return { magicSent: true };
	}
} satisfies Actions;
