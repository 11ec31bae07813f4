import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { DIRECTORY_OFFERS, LISTING_ABOUT_MAX, LISTING_NAME_MAX, LISTING_PROVINCES, type ListingErrorCode } from '$lib/domain/directory/listing';
import { SECTORS } from '$lib/domain/firm/attributes';
import { ownListing } from '$lib/server/directory/find-listing';
import { saveListing } from '$lib/server/directory/save-listing';
import { deleteListing, setListingPublished } from '$lib/server/directory/publish-listing';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const mine = await ownListing(app().database.db, user.id);
	return {
		listing: mine ? { id: mine.id, name: mine.name, provinces: mine.provinces, sectors: mine.sectors, offers: mine.offers, about: mine.about, published: mine.published } : null,
		accountName: user.name,
		provinces: LISTING_PROVINCES,
		sectors: SECTORS,
		offers: DIRECTORY_OFFERS,
		nameMax: LISTING_NAME_MAX,
		aboutMax: LISTING_ABOUT_MAX
	};
};

const errorText: Record<ListingErrorCode, () => string> = {
	required: () => m.directory_error_required(),
	invalid: () => m.directory_error_invalid(),
	too_long: () => m.directory_error_too_long(),
	too_short: () => m.directory_error_too_short()
};

export const actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const text = (key: string) => String(form.get(key) ?? '');
		const list = (key: string) => form.getAll(key).map(String);
		const input = { name: text('name'), about: text('about'), provinces: list('provinces'), sectors: list('sectors'), offers: list('offers') };
		const result = await saveListing(app().database.db, user.id, input);
		if (!result.ok) {
			const errors = Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, errorText[code]()]));
			return fail(400, { values: input, errors, message: m.common_form_has_errors() });
		}
		return { done: m.directory_saved() };
	},
	publish: async (event) => {
		const user = requireUser(event);
		if (!(await setListingPublished(app().database.db, user.id, true))) return fail(404, { message: m.common_error_not_found() });
		return { done: m.directory_published_done() };
	},
	withdraw: async (event) => {
		const user = requireUser(event);
		if (!(await setListingPublished(app().database.db, user.id, false))) return fail(404, { message: m.common_error_not_found() });
		return { done: m.directory_withdrawn_done() };
	},
	delete: async (event) => {
		const user = requireUser(event);
		await deleteListing(app().database.db, user.id);
		redirect(303, '/directory');
	}
} satisfies Actions;
