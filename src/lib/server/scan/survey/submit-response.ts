// Sending a response screen by screen: the draft's answers are checked once more against the round and
// stored (store-response.ts) before the thank-you page is shown.
import { loadInstrument, type SurveyLocale } from '../../../domain/instrument';
import type { Database } from '../../db/client';
import { opinionsGiven, responseFromAnswers } from './answers';
import { readDraft } from './draft-store';
import { followupFieldsOf, type SurveyRound } from './find-round';
import { submissionKeyFor } from './keys';
import { directWriter, type ResponseWriter } from './response-writer';
import { receiptExists } from './store-response';
import { roundState } from '../../../domain/round-state';
import { surveySteps } from './steps';
import type { SubmitResult } from './submit-response.schema';

export { readSubmissionKey, type SubmitResult } from './submit-response.schema';

export interface SubmitInput {
	round: SurveyRound;
	/** From the respondent's cookie. */
	draftKey: string | null;
	/** From the send form; lets a repeated post of an already sent form find its receipt. */
	submissionKey: string | null;
	/** From the card cookie, when the respondent came in with a card. */
	cardCode: string | null;
	today: string;
	/** The survey language the page was shown in: stored with the response. */
	language?: SurveyLocale;
	/** Past the burst number from its address (address-watch.ts); only raises the round's counter. */
	burst?: boolean;
}

export async function submitResponse(db: Database, input: SubmitInput, writer: ResponseWriter = directWriter(db)): Promise<SubmitResult> {
	const { round, today } = input;
	if (input.submissionKey && (await receiptExists(db, round.id, input.submissionKey))) return { kind: 'already_sent' };
	const state = roundState(round, today);
	if (state !== 'open') return { kind: 'not_open', state };
	const draftKey = input.draftKey;
	const draft = draftKey ? await readDraft(db, round.id, draftKey) : null;
	if (!draftKey || !draft) {
		if (draftKey && (await receiptExists(db, round.id, submissionKeyFor(draftKey)))) return { kind: 'already_sent' };
		return { kind: 'no_draft' };
	}
	const instrument = loadInstrument(round.instrumentVersion);
	// Only questions the round still asks: a team list emptied since the draft was made drops that answer.
	const followups = followupFieldsOf(round);
	const asked = new Set(surveySteps(instrument, round.teams, followups).flatMap((step) => step.fields));
	const current = Object.fromEntries(Object.entries(draft).filter(([field]) => asked.has(field)));
	const checked = responseFromAnswers(instrument, current, { perspective: 'employee', teams: round.teams, followups });
	if (!checked.ok) return { kind: 'invalid', issues: checked.issues };
	if (opinionsGiven(instrument, checked.response) === 0) return { kind: 'nothing_answered' };
	if (round.inviteMode === 'cards' && !input.cardCode) return { kind: 'card_required' };
	return writer.store({ round, submissionKey: submissionKeyFor(draftKey), cardCode: input.cardCode, response: checked.response, language: input.language, draftKey, today, burst: input.burst });
}
