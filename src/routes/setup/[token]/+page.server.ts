import { error, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { signUpSchema } from '$lib/server/auth/account.schema';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { checkAdminSetupToken, consumeAdminSetupToken } from '$lib/server/admin/setup-token';
import { findUserByEmail } from '$lib/server/firms/advisers';
import { user } from '$lib/server/db/schema';
import * as m from '$lib/paraglide/messages';

// A used or expired link is gone for good (410); one that never existed is not found (404). Either way a
// plain page says so, and nothing tells a guesser more than that.
export const load: PageServerLoad = async ({ params }) => {
	const state = await checkAdminSetupToken(app().database.db, params.token);
	if (state === 'used' || state === 'expired') error(410, m.account_setup_invalid());
	if (state !== 'ok') error(404, m.account_setup_invalid());
	return { valid: true };
};

export const actions = {
	default: async (event) => {
		const { database, auth } = app();
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		if ((await checkAdminSetupToken(database.db, event.params.token)) !== 'ok') return formError(400, form, m.account_setup_invalid());
		const parsed = parseForm(signUpSchema(), form);
		if (!parsed.ok) return parsed.failure;
		if (await findUserByEmail(database.db, parsed.data.email)) {
			return formError(400, form, m.account_email_taken(), { email: m.account_email_taken() });
		}
		// The token is spent before the account gets its rights, so two tabs cannot make two admins.
		if ((await consumeAdminSetupToken(database.db, event.params.token)) !== 'ok') return formError(400, form, m.account_setup_invalid());
		// The one-time link was printed to whoever runs the server: that counts as proof of the address, so
		// the first administrator is made proven at once (no confirmation mail) and signed in.
		const context = await auth.$context;
		const created = await context.internalAdapter.createUser({ name: parsed.data.name, email: parsed.data.email, emailVerified: true }, { method: 'email-password' });
		await context.internalAdapter.linkAccount({ userId: created.id, providerId: 'credential', accountId: created.id, password: await context.password.hash(parsed.data.password) });
		await database.db.update(user).set({ role: 'admin' }).where(eq(user.id, created.id));
		await auth.api.signInEmail({ body: { email: parsed.data.email, password: parsed.data.password }, headers: event.request.headers });
		redirect(303, '/admin');
	}
} satisfies Actions;
