// The owner's questionnaire page: every statement in the owner's wording on one page, grouped by aspect,
// then the open questions. Filling in again replaces the earlier answers (see owner-response.ts).
import { error, fail, redirect, type ActionFailure } from '@sveltejs/kit';
import { itemsOfAspect, loadInstrument } from '../../domain/instrument';
import * as m from '../../paraglide/messages.js';
import { uiLocale } from '../../locale';
import { app } from '../app';
import { postedAnswers, type PostedAnswers } from '../../server/scan/survey/answers';
import { dayOf } from '../../server/clock';
import { findRoundOfFirm, type SurveyRound } from '../../server/scan/survey/find-round';
import { formatDay, issueMessages } from '../../server/scan/survey/messages';
import { readOwnerResponse, saveOwnerResponse } from '../../server/scan/survey/owner-response';
import { roundState } from '../../domain/round-state';
import { questionViews } from '../../server/scan/survey/view';

async function requireRound(firmId: string, roundId: string): Promise<SurveyRound> {
	const round = await findRoundOfFirm(app().database.db, firmId, roundId);
	if (!round) error(404, m.common_error_not_found());
	return round;
}

export async function ownerScanPage(firmId: string, userId: string, roundId: string, saved: boolean) {
	const round = await requireRound(firmId, roundId);
	const instrument = loadInstrument(round.instrumentVersion);
	const locale = uiLocale();
	const earlier = await readOwnerResponse(app().database.db, round, userId);
	return {
		roundName: round.name,
		closed: roundState(round, dayOf()) === 'closed',
		filledOn: earlier ? formatDay(earlier.submittedOn) : null,
		saved,
		aspects: instrument.aspects.map((aspect) => ({
			id: aspect.id,
			title: aspect.label[locale],
			questions: questionViews(instrument, itemsOfAspect(instrument, aspect.id).map((i) => i.id), 'owner', locale)
		})),
		open: questionViews(instrument, instrument.open.map((q) => q.id), 'owner', locale),
		values: earlier?.answers ?? {}
	};
}

export interface OwnerScanFailure {
	values: PostedAnswers;
	errors: Record<string, string>;
	message: string;
}

export async function saveOwnerScan(
	firm: { id: string; slug: string },
	userId: string,
	roundId: string,
	form: FormData
): Promise<ActionFailure<OwnerScanFailure>> {
	const round = await requireRound(firm.id, roundId);
	const instrument = loadInstrument(round.instrumentVersion);
	const posted = postedAnswers(instrument, form);
	const result = await saveOwnerResponse(app().database.db, { round, userId, posted, today: dayOf() });
	if (result.ok) redirect(303, `/firms/${firm.slug}/rounds/${round.id}/owner-scan?saved=1`);
	switch (result.reason) {
		case 'closed':
			return fail(409, { values: posted, errors: {}, message: m.survey_owner_closed() });
		case 'nothing_answered':
			return fail(400, { values: posted, errors: {}, message: m.survey_owner_nothing_answered() });
		default:
			return fail(400, { values: posted, ...issueMessages(result.issues, posted, instrument.open[0]?.maxLength ?? 2000) });
	}
}
