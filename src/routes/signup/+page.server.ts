import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/server/app';
import { signUpSchema } from '$lib/server/auth/account.schema';
import { formError, parseForm, readForm } from '$lib/server/forms';
import { clientKey, safeReturnPath } from '$lib/server/http';
import { findUserByEmail } from '$lib/server/firms/advisers';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	const returnTo = safeReturnPath(url.searchParams.get('returnTo'), '/firms');
	if (locals.user) redirect(303, returnTo);
	return { returnTo, email: url.searchParams.get('email') ?? '' };
};

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(signUpSchema(), form);
		if (!parsed.ok) return parsed.failure;
		const { auth, limits, database } = app();
		const key = clientKey(event);
		if (!limits.signUp.hit(key)) return formError(429, form, m.common_rate_limited({ minutes: Math.ceil(limits.signUp.retryAfter(key) / 60) }));
		if (await findUserByEmail(database.db, parsed.data.email)) {
			return formError(400, form, m.account_email_taken(), { email: m.account_email_taken() });
		}
		try {
			await auth.api.signUpEmail({ body: parsed.data, headers: event.request.headers });
		} catch (e) {
			if (e instanceof APIError) return formError(400, form, m.account_email_taken(), { email: m.account_email_taken() });
			throw e;
		}
		redirect(303, safeReturnPath(form.get('returnTo'), '/firms'));
	}
} satisfies Actions;
