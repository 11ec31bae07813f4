import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { clientKey } from '$lib/server/http';
import { firmsToInviteTo } from '$lib/server/directory/directory-access';
import { visibleListing } from '$lib/server/directory/find-listing';
import { inviteListed } from '$lib/server/directory/invite-listed';
import * as m from '$lib/paraglide/messages';
import { uiLocale } from '$lib/locale';

// A published listing, for people who run a firm; an unpublished one only for its author. Anyone else gets
// 404, the same as for a listing that does not exist.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const firms = await firmsToInviteTo(db, user.id);
	const listing = await visibleListing(db, { id: event.params.id, viewerId: user.id, mayBrowse: firms.length > 0 });
	if (!listing) error(404, m.common_error_not_found());
	return {
		listing: { id: listing.id, name: listing.name, provinces: listing.provinces, sectors: listing.sectors, offers: listing.offers, about: listing.about, published: listing.published, own: listing.own },
		firms: listing.own ? [] : firms.map((f) => ({ slug: f.slug, name: f.name }))
	};
};

export const actions = {
	invite: async (event) => {
		const user = requireUser(event);
		const db = app().database.db;
		const form = (await readForm(event.request)) ?? new FormData();
		const firms = await firmsToInviteTo(db, user.id);
		// Only a firm this person manages; any other slug is treated as unknown.
		const chosen = firms.length === 1 ? firms[0] : firms.find((f) => f.slug === form.get('firm'));
		const listing = await visibleListing(db, { id: event.params.id, viewerId: user.id, mayBrowse: firms.length > 0 });
		if (!listing) error(404, m.common_error_not_found());
		if (!chosen) return fail(400, { message: m.directory_invite_choose_firm(), errors: { firm: m.directory_invite_choose_firm() } });
		const { mailer, origin, limits } = app();
		const result = await inviteListed(
			{ db, mailer, origin, limiter: limits.invite },
			{ listingId: listing.id, firm: chosen, inviter: user, clientKey: clientKey(event), locale: uiLocale() }
		);
		if (result.ok) return { done: m.directory_invited({ name: result.name, firm: chosen.name }), teamUrl: `/firms/${chosen.slug}/team` };
		if (result.reason === 'rate-limited') return fail(429, { message: m.common_rate_limited({ minutes: 60 }) });
		if (result.reason === 'already') return fail(409, { message: m.directory_invite_already({ firm: chosen.name }) });
		if (result.reason === 'self') return fail(400, { message: m.directory_invite_self() });
		error(404, m.common_error_not_found());
	}
} satisfies Actions;
