import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { magicLinkSchema } from '$lib/server/auth/account.schema';
import { pendingEmail } from '$lib/server/auth/pending-email';
import { formError, parseForm, readForm } from '$lib/server/forms';
import { clientKey } from '$lib/server/http';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ cookies }) => ({ email: pendingEmail(cookies)?.email ?? '' });

export const actions = {
	// The same answer whether or not the address waits for confirmation: nothing here tells who has an account.
	default: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(magicLinkSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits } = app();
		const key = `${clientKey(event)}|${parsed.data.email}`;
		if (!limits.mailRequest.hit(key)) return formError(429, form, m.common_rate_limited({ minutes: Math.max(1, Math.ceil(limits.mailRequest.retryAfter(key) / 60)) }));
		const callbackURL = pendingEmail(event.cookies)?.returnTo ?? '/firms';
		try {
			await auth.api.sendVerificationEmail({ body: { email: parsed.data.email, callbackURL }, headers: event.request.headers });
		} catch (e) {
			if (!(e instanceof APIError)) throw e;
		}
		return { resent: true, values: { email: parsed.data.email } };
	}
} satisfies Actions;
