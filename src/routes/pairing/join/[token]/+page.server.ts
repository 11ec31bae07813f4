import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { formError, readForm } from '$lib/web/forms';
import { readPerson } from '$lib/web/pairing';
import { clientKey } from '$lib/server/http';
import { firmOfJoinLink } from '$lib/server/pairing/join-link';
import { recordSelf } from '$lib/server/pairing/people';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// A colleague records themselves through the link the owner handed out; no account (see join-link.ts for why).
async function firmOf(token: string | undefined) {
	return (await firmOfJoinLink(app().database.db, token ?? '')) ?? error(404, m.pairing_invalid());
}

export const load: PageServerLoad = async ({ params }) => {
	const found = await firmOf(params.token);
	return { firmName: found.name };
};

export const actions: Actions = {
	default: async (event) => {
		const found = await firmOf(event.params.token);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const person = readPerson(form);
		if (!person.ok) return person.failure;
		// Sign-ups through one firm link per client address and hour: enough for a canteen, not for filling the list.
		if (!(await app().limits.pairingSignUps.hit(`${clientKey(event)}|${found.id}`))) return formError(429, form, m.common_rate_limited({ minutes: 60 }));
		await recordSelf(app().database.db, found.id, person.data, dayOf());
		return { sent: true as const };
	}
};
