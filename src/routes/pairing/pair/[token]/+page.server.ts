import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { pairLinkSecret } from '$lib/web/pairing';
import { addLogLine, answerPair, endPair, pairByLink, setLogSharing } from '$lib/server/pairing/pairs';
import { logEntrySchema } from '$lib/server/pairing/person.schema';
import { pairingErrorTexts } from '$lib/server/pairing/errors';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// The personal link from the mail: no account needed, the signed token says which pair and which side. Opening
// it only shows; every change is a button (a mail scanner that follows links agrees to nothing).
async function pairOfLink(token: string | undefined) {
	return (await pairByLink(app().database.db, await pairLinkSecret(), token ?? '')) ?? error(404, m.pairing_invalid());
}

export const load: PageServerLoad = async ({ params }) => {
	const pair = await pairOfLink(params.token);
	const { pairId: _pairId, firmId: _firmId, ...shown } = pair;
	return { pair: shown, today: dayOf() };
};

export const actions: Actions = {
	agree: async ({ params }) => {
		const pair = await pairOfLink(params.token);
		await answerPair(app().database.db, pair.pairId, pair.side, 'agreed', dayOf());
		return {};
	},
	decline: async ({ params }) => {
		const pair = await pairOfLink(params.token);
		await answerPair(app().database.db, pair.pairId, pair.side, 'declined', dayOf());
		return {};
	},
	log: async ({ params, request }) => {
		const pair = await pairOfLink(params.token);
		const form = await readForm(request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(logEntrySchema, form);
		if (!parsed.ok) return formError(400, form, m.common_form_has_errors(), pairingErrorTexts(parsed.failure.data.errors));
		if (!(await addLogLine(app().database.db, { firmId: pair.firmId, pairId: pair.pairId }, pair.side, parsed.data))) return formError(409, form, m.pairing_link_ended());
		return { done: m.pairing_log_added() };
	},
	share: async ({ params, request }) => {
		const pair = await pairOfLink(params.token);
		const form = await readForm(request);
		await setLogSharing(app().database.db, pair.pairId, pair.side, form?.get('share') === 'yes');
		return {};
	},
	end: async ({ params }) => {
		const pair = await pairOfLink(params.token);
		await endPair(app().database.db, { firmId: pair.firmId, pairId: pair.pairId }, dayOf());
		return { done: m.pairing_ended() };
	}
};
