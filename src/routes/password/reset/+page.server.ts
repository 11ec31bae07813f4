import { redirect } from '@sveltejs/kit';
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { newPasswordSchema } from '$lib/server/auth/account.schema';
import { formError, parseForm, readForm } from '$lib/web/forms';
import * as m from '$lib/paraglide/messages';

const token = z.string().min(1).max(200);

export const load: PageServerLoad = ({ url }) => ({ token: token.safeParse(url.searchParams.get('token')).data ?? '' });

export const actions = {
	default: async (event) => {
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(newPasswordSchema(), form);
		if (!parsed.ok) return parsed.failure;
		try {
			await app().auth.api.resetPassword({ body: { newPassword: parsed.data.password, token: parsed.data.token }, headers: event.request.headers });
		} catch (e) {
			if (e instanceof APIError) return formError(400, form, m.account_reset_invalid());
			throw e;
		}
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
