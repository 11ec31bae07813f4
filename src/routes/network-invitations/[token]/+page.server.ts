import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { acceptNetworkInvitation, networkInvitationView } from '$lib/server/network/membership';
import { formError, readForm } from '$lib/web/forms';
import { requireUser } from '$lib/web/guards';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const k = app().config.LEERKOMPAS_THRESHOLD;
	if (!locals.user) return { signedIn: false as const, returnTo: url.pathname, k, invitation: null };
	const view = await networkInvitationView(app().database.db, params.token, locals.user.id);
	return {
		signedIn: true as const,
		returnTo: url.pathname,
		k,
		invitation: view ? { name: view.network.name, kind: view.network.kind, firms: view.firms.map((f) => ({ slug: f.slug, name: f.name, member: f.member })) } : null
	};
};

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const firm = form.get('firm');
		const result = await acceptNetworkInvitation(app().database.db, { token: event.params.token, userId: user.id, firmSlug: typeof firm === 'string' ? firm : '' });
		if (!result.ok) return formError(400, form, result.reason === 'invalid' ? m.network_join_invalid() : m.network_join_not_owner());
		redirect(303, `/firms/${result.firmSlug}/networks?joined=${encodeURIComponent(result.networkSlug)}`);
	}
} satisfies Actions;
