import { fail, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { formValues, readForm } from '$lib/web/forms';
import { researchRoundsOfUser } from '$lib/server/export/agreements';
import { deleteAccount, firmsOnlyOwnedBy } from '$lib/server/data-rights/delete-account';
import { firmsOfUser } from '$lib/server/firms/access';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	return {
		me: { name: user.name, email: user.email },
		owned: (await firmsOfUser(db, user.id)).filter((f) => f.role === 'owner').map((f) => ({ slug: f.slug, name: f.name })),
		lastOwnerOf: await firmsOnlyOwnedBy(db, user.id),
		research: await researchRoundsOfUser(db, user.id),
		firmDeleted: event.url.searchParams.has('firm-deleted'),
		language: user.locale,
		languageSaved: event.url.searchParams.has('language-saved')
	};
};

export const actions: Actions = {
	delete: async (event) => {
		const user = requireUser(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const typed = form.get('confirmEmail');
		const result = await deleteAccount(app().database.db, { userId: user.id, confirmEmail: typeof typed === 'string' ? typed : '', today: dayOf() });
		if (!result.ok) {
			if (result.reason === 'last_owner') {
				return fail(409, { values: formValues(form), errors: {}, message: m.data_account_last_owner({ firms: result.firms.map((f) => f.name).join(', ') }) });
			}
			const message = m.data_account_email_mismatch();
			return fail(400, { values: formValues(form), errors: { confirmEmail: message }, message });
		}
		// The sessions went with the account; the browser's session cookies are cleared too.
		for (const { name } of event.cookies.getAll()) {
			if (name.includes('better-auth')) event.cookies.delete(name, { path: '/' });
		}
		redirect(303, '/account/deleted');
	}
};
