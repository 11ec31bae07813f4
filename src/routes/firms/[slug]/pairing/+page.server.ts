import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { readPerson } from '$lib/web/pairing';
import { addPerson, labelSuggestions, peopleOfFirm, removePerson } from '$lib/server/pairing/people';
import { pairsOfFirm } from '$lib/server/pairing/pairs';
import { joinLinkToken, renewJoinLink, stopJoinLink } from '$lib/server/pairing/join-link';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// Owners and co-managers only: names, e-mail addresses and wishes of colleagues are no adviser's business.
export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const { database, origin } = app();
	const people = await peopleOfFirm(database.db, firm.id);
	const token = await joinLinkToken(database.db, firm.id);
	return {
		people,
		suggestions: labelSuggestions(people),
		pairs: await pairsOfFirm(database.db, firm.id),
		joinUrl: token ? `${origin}/pairing/join/${token}` : null,
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const person = readPerson(form);
		if (!person.ok) return person.failure;
		await addPerson(app().database.db, firm.id, person.data, 'owner', dayOf());
		return { done: m.pairing_saved() };
	},
	remove: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		const personId = String(form?.get('personId') ?? '');
		if (!z.uuid().safeParse(personId).success || !(await removePerson(app().database.db, firm.id, personId))) {
			return formError(404, form ?? new FormData(), m.common_error_not_found());
		}
		return { done: m.pairing_removed() };
	},
	renewLink: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		await renewJoinLink(app().database.db, firm.id);
		return { done: m.pairing_saved() };
	},
	stopLink: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		await stopJoinLink(app().database.db, firm.id);
		return { done: m.pairing_saved() };
	}
};
