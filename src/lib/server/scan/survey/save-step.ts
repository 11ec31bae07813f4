// Saving one screen of answers into the respondent's draft. Nothing is sent yet: the draft holds only
// answers, under the hash of a key that only the respondent's browser has.
import { loadInstrument } from '../../../domain/instrument';
import type { Database } from '../../db/client';
import { checkScreen, type AnswerIssue, type PostedAnswers } from './answers';
import { readDraft, saveDraft, type DraftAnswers } from './draft-store';
import { followupFieldsOf, type SurveyRound } from './find-round';
import { newKey } from './keys';
import { roundState, type RoundState } from '../../../domain/round-state';
import { mergeStep, type SurveyStep } from './steps';

export { readNavigation, STEP_CONTROL_FIELDS } from './save-step.schema';

export interface SaveStepInput {
	round: SurveyRound;
	step: SurveyStep;
	/** The key from the respondent's cookie, if any. */
	draftKey: string | null;
	posted: PostedAnswers;
	today: string;
	/** The draft under draftKey when the caller has read it already (every survey page does); read here when left out. */
	draft?: DraftAnswers | null;
}

export type SaveStepResult =
	/** draftKey: the key the draft is now under (new when there was none), or null when nothing was saved. */
	| { ok: true; draftKey: string | null }
	| { ok: false; reason: 'not_open'; state: RoundState }
	| { ok: false; reason: 'invalid'; issues: AnswerIssue[] };

export async function saveStep(db: Database, input: SaveStepInput): Promise<SaveStepResult> {
	const { round, step, posted, today } = input;
	const state = roundState(round, today);
	if (state !== 'open') return { ok: false, reason: 'not_open', state };
	const instrument = loadInstrument(round.instrumentVersion);
	const checked = checkScreen(instrument, { fields: step.fields, perspective: 'employee', teams: round.teams, followups: followupFieldsOf(round) }, posted);
	if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };

	const existing = input.draft !== undefined ? input.draft : input.draftKey ? await readDraft(db, round.id, input.draftKey) : null;
	// A key whose draft is gone (sent, or the round was closed once) is never reused: a fresh draft gets a
	// fresh key, so it can never collide with the receipt of an earlier submission.
	const draftKey = existing && input.draftKey ? input.draftKey : newKey();
	const merged = mergeStep(existing ?? {}, step, checked.answers);
	if (!existing && Object.keys(merged).length === 0) return { ok: true, draftKey: null };
	await saveDraft(db, round.id, draftKey, merged, today);
	return { ok: true, draftKey };
}
