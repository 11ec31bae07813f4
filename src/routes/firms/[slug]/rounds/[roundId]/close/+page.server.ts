import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { closeRound } from '$lib/server/scan/rounds/close-round';
import { findFirmRound } from '$lib/server/scan/rounds/round-overview';
import { parseRoundId } from '$lib/server/scan/rounds/round-ref';
import { publishReportAtClose } from '$lib/server/report/publish/publish-at-close';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// Closing is final, so it takes a page of its own to confirm: works the same with or without JavaScript.
export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const round = (await findFirmRound(app().database.db, firm.id, event.params.roundId)) ?? error(404, m.common_error_not_found());
	return { round: { id: round.id, name: round.name, closed: round.status === 'closed' } };
};

export const actions: Actions = {
	default: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const roundId = parseRoundId(event.params.roundId) ?? error(404, m.common_error_not_found());
		const result = await closeRound(app().database.db, { firmId: firm.id, roundId });
		if (!result.ok && result.reason === 'not_found') error(404, m.common_error_not_found());
		if (!result.ok) return fail(409, { message: m.scan_close_already() });
		// The final version takes in the rest only if they are again at least k; it says how many came too late.
		await publishReportAtClose(app().database.db, { firmId: firm.id, roundId }, dayOf());
		redirect(303, `/firms/${firm.slug}/rounds/${roundId}`);
	}
};
