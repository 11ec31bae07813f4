// Sending every question from one page at once, for whoever prefers that to the screens (a computer, a screen
// reader, a browser that keeps no cookies). No draft is needed: the post itself holds the answers, checked by
// the same rules as a screen, and one post stores the response.
import { loadInstrument, type SurveyLocale } from '../../../domain/instrument';
import type { Database } from '../../db/client';
import { checkScreen, opinionsGiven, type AnswerIssue, type PostedAnswers } from './answers';
import { followupFieldsOf, type SurveyRound } from './find-round';
import { roundState } from '../../../domain/round-state';
import { surveySteps } from './steps';
import { directWriter, type ResponseWriter } from './response-writer';
import type { StoreResult } from './store-response';

export interface SubmitAllInput {
	round: SurveyRound;
	posted: PostedAnswers;
	/** From the page's hidden field: a second post of the same page finds the receipt of the first. */
	submissionKey: string | null;
	cardCode: string | null;
	/** A draft this browser started on the screens: it goes once the response is stored. */
	draftKey: string | null;
	today: string;
	/** The survey language the page was shown in: stored with the response. */
	language?: SurveyLocale;
	/** Past the burst number from its address (address-watch.ts); only raises the round's counter. */
	burst?: boolean;
}

export type SubmitAllResult =
	| StoreResult
	| { kind: 'invalid'; issues: AnswerIssue[] }
	| { kind: 'nothing_answered' }
	| { kind: 'card_required' }
	/** The page's submission key is missing or malformed: the page must be loaded again. */
	| { kind: 'no_key' };

export async function submitAllAnswers(db: Database, input: SubmitAllInput, writer: ResponseWriter = directWriter(db)): Promise<SubmitAllResult> {
	const { round, today } = input;
	const state = roundState(round, today);
	if (state !== 'open') return { kind: 'not_open', state };
	const instrument = loadInstrument(round.instrumentVersion);
	const followups = followupFieldsOf(round);
	const fields = surveySteps(instrument, round.teams, followups).flatMap((step) => step.fields);
	const checked = checkScreen(instrument, { fields, perspective: 'employee', teams: round.teams, followups }, input.posted);
	if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
	if (opinionsGiven(instrument, checked.response) === 0) return { kind: 'nothing_answered' };
	if (round.inviteMode === 'cards' && !input.cardCode) return { kind: 'card_required' };
	if (!input.submissionKey) return { kind: 'no_key' };
	return writer.store({
		round,
		submissionKey: input.submissionKey,
		cardCode: input.cardCode,
		response: checked.response,
		language: input.language,
		draftKey: input.draftKey,
		today,
		burst: input.burst
	});
}
