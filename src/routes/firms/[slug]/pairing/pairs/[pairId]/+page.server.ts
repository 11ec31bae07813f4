import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, parseForm, readForm } from '$lib/web/forms';
import { addLogLine, endPair, pairsOfFirm } from '$lib/server/pairing/pairs';
import { logEntrySchema } from '$lib/server/pairing/person.schema';
import { pairingErrorTexts } from '$lib/server/pairing/errors';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

async function pairOf(firmId: string, pairId: string | undefined) {
	const pair = (await pairsOfFirm(app().database.db, firmId)).find((p) => p.id === pairId);
	return pair ?? error(404, m.common_error_not_found());
}

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	return { pair: await pairOf(firm.id, event.params.pairId), today: dayOf() };
};

export const actions: Actions = {
	log: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const pair = await pairOf(firm.id, event.params.pairId);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const parsed = parseForm(logEntrySchema, form);
		if (!parsed.ok) return formError(400, form, m.common_form_has_errors(), pairingErrorTexts(parsed.failure.data.errors));
		if (!(await addLogLine(app().database.db, { firmId: firm.id, pairId: pair.id }, 'owner', parsed.data))) return formError(409, form, m.pairing_link_ended());
		return { done: m.pairing_log_added() };
	},
	end: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const pair = await pairOf(firm.id, event.params.pairId);
		await endPair(app().database.db, { firmId: firm.id, pairId: pair.id }, dayOf());
		return { done: m.pairing_ended() };
	}
};
