import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { acceptInvitation, findOpenInvitation } from '$lib/server/firms/invitations';
import { formError, readForm } from '$lib/web/forms';
import { requireUser } from '$lib/web/guards';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const invitation = await findOpenInvitation(app().database.db, params.token);
	return {
		invitation: invitation ? { firmName: invitation.firmName, role: invitation.role, email: invitation.email } : null,
		signedIn: locals.user !== null,
		returnTo: url.pathname
	};
};

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const result = await acceptInvitation(app().database.db, event.params.token, user);
		if (!result.ok) return formError(400, form, result.reason === 'wrong-email' ? m.firm_invitation_wrong_email() : m.firm_invitation_invalid());
		redirect(303, `/firms/${result.firmSlug}`);
	}
} satisfies Actions;
