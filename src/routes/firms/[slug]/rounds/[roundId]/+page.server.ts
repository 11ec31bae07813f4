import { error, fail, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { roundPage } from '$lib/server/scan/rounds/round-page';
import { pauseRound } from '$lib/server/scan/rounds/pause-round';
import { reopenRound } from '$lib/server/scan/rounds/reopen-round';
import { parseRoundId } from '$lib/server/scan/rounds/round-ref';
import type { ChangeStatusResult } from '$lib/server/scan/rounds/round-status';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm, role, user } = await requireFirm(event, 'rounds');
	const page = await roundPage(app().database.db, { firm, viewer: { role, userId: user.id }, roundId: event.params.roundId, today: dayOf(), origin: app().origin, locale: uiLocale() });
	if (!page) error(404, m.common_error_not_found());
	// Sent here from the employees' link (scan/survey/firm-people.ts): say why the answers did not count.
	return { ...page, fromSurvey: event.url.searchParams.get('from') === 'survey' };
};

function answer(result: ChangeStatusResult, done: string) {
	if (result.ok) return { done };
	if (result.reason === 'not_found') error(404, m.common_error_not_found());
	return fail(409, { message: m.scan_not_allowed() });
}

export const actions: Actions = {
	pause: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const roundId = parseRoundId(event.params.roundId) ?? error(404, m.common_error_not_found());
		return answer(await pauseRound(app().database.db, { firmId: firm.id, roundId }), m.scan_done_paused());
	},
	reopen: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const roundId = parseRoundId(event.params.roundId) ?? error(404, m.common_error_not_found());
		return answer(await reopenRound(app().database.db, { firmId: firm.id, roundId }), m.scan_done_reopened());
	}
};
