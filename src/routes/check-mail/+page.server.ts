import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { mailRequest } from '$lib/web/mail-request';
import { pendingEmail } from '$lib/server/auth/pending-email';

export const load: PageServerLoad = ({ cookies }) => ({ email: pendingEmail(cookies)?.email ?? '' });

export const actions = {
	// better-auth mails only an address that waits for proof; the page answers the same for every address.
	default: (event) => {
		const callbackURL = pendingEmail(event.cookies)?.returnTo ?? '/firms';
		return mailRequest(event, (email) => app().auth.api.sendVerificationEmail({ body: { email, callbackURL }, headers: event.request.headers }));
	}
} satisfies Actions;
