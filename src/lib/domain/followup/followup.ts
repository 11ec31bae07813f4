// The question about a finished action ("Heeft … geholpen?"): an add-on of a round, outside the six aspects
// and outside the instrument, so the instrument version stays the same. The round keeps the chosen actions
// with their titles as they were when it started (scan_round.followups): renaming an action later never
// changes what was asked. Each question has its own codebook variable, action_<action id>, answered on the
// statement scale with "weet ik niet".
import { z } from 'zod';

const FOLLOWUP_PREFIX = 'action_';

/** At most this many actions per round: a few extra statements, not a second questionnaire. */
export const MAX_FOLLOWUPS = 3;

/** Longest action title kept in a round (the action form allows less). */
export const FOLLOWUP_TITLE_MAX_LENGTH = 200;

export const followupQuestionSchema = z.strictObject({
	actionId: z.uuid(),
	title: z.string().trim().min(1).max(FOLLOWUP_TITLE_MAX_LENGTH)
});

export type FollowupQuestion = z.infer<typeof followupQuestionSchema>;

export const followupQuestionsSchema = z.array(followupQuestionSchema).max(MAX_FOLLOWUPS);

/**
 * The codebook variable (answers key, CSV column, SPSS name) of the question about one action: action_ and the
 * action's id with underscores for its hyphens, because an SPSS variable name may hold no hyphen and one name
 * in every format lets a researcher join them.
 */
export function followupVariable(actionId: string): string {
	return `${FOLLOWUP_PREFIX}${actionId.toLowerCase().replaceAll('-', '_')}`;
}

/** The variables a round asks, in the order it asks them. */
export function followupVariables(questions: readonly FollowupQuestion[]): string[] {
	return questions.map((q) => followupVariable(q.actionId));
}

/** A round's stored list read leniently: a value that does not fit is no question at all, never a crash. */
export function followupsOfRound(value: unknown): FollowupQuestion[] {
	const parsed = followupQuestionsSchema.safeParse(value);
	return parsed.success ? parsed.data : [];
}

export interface FinishedAction {
	id: string;
	title: string;
}

export type FollowupChoice = { ok: true; questions: FollowupQuestion[] } | { ok: false; code: 'too_many' | 'invalid' };

/**
 * The questions a new round asks, from the action ids the owner ticked. Only actions offered (finished, and
 * not asked in an earlier round) may be chosen; the titles are taken as they are now and kept with the round.
 */
export function chooseFollowups(offered: readonly FinishedAction[], chosenIds: readonly string[]): FollowupChoice {
	const ids = [...new Set(chosenIds.map((id) => id.trim().toLowerCase()).filter((id) => id !== ''))];
	if (ids.length > MAX_FOLLOWUPS) return { ok: false, code: 'too_many' };
	const questions: FollowupQuestion[] = [];
	for (const id of ids) {
		const action = offered.find((a) => a.id.toLowerCase() === id);
		if (!action) return { ok: false, code: 'invalid' };
		questions.push({ actionId: action.id.toLowerCase(), title: action.title.trim().slice(0, FOLLOWUP_TITLE_MAX_LENGTH) });
	}
	// The order of the action plan, not of the ticks.
	questions.sort((a, b) => offered.findIndex((o) => o.id.toLowerCase() === a.actionId) - offered.findIndex((o) => o.id.toLowerCase() === b.actionId));
	return { ok: true, questions };
}
