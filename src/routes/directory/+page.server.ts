import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { directorySearchSchema, LISTING_PROVINCES } from '$lib/domain/directory/listing';
import { SECTORS } from '$lib/domain/firm/attributes';
import { firmsToInviteTo } from '$lib/server/directory/directory-access';
import { ownListing } from '$lib/server/directory/find-listing';
import { searchListings } from '$lib/server/directory/search-listings';

// Signed in only: listings are personal data of private persons. Searching is for people who run a firm
// (they are the ones who can invite); everyone signed in can keep a listing of their own from here.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const mine = await ownListing(db, user.id);
	const mayBrowse = (await firmsToInviteTo(db, user.id)).length > 0;
	const raw = Object.fromEntries(['q', 'province', 'sector'].map((key) => [key, event.url.searchParams.get(key) || undefined]));
	const search = directorySearchSchema.safeParse(raw);
	return {
		mine: mine ? { published: mine.published } : null,
		mayBrowse,
		query: { q: raw.q ?? '', province: raw.province ?? '', sector: raw.sector ?? '' },
		invalid: !search.success,
		provinces: LISTING_PROVINCES,
		sectors: SECTORS,
		results: mayBrowse && search.success ? await searchListings(db, search.data) : []
	};
};
