import type { Perspective, SurveyLocale } from './instrument/schema';

/**
 * Learning behaviour and plans of one respondent. `need` and `intention` use the agreement scale, so they
 * hold 1..5, the "weet ik niet" code, or null when skipped.
 */
export interface LearningAnswers {
	formal: boolean | null;
	nonFormal: boolean | null;
	informal: boolean | null;
	need: number | null;
	intention: number | null;
	/** Option ids of the barriers ticked; empty when none was ticked or the question was skipped. */
	barriers: readonly string[];
}

/**
 * One anonymous response as the domain sees it. It deliberately has no id, name, date or round: the
 * measures never need them, so nothing here can link a figure back to a person.
 * Keys are codebook ids; a missing key means the same as null (not answered).
 */
export interface ScanResponse {
	perspective: Perspective;
	/** Item id to answer code: 1..5, the "weet ik niet" code (9), or null. */
	answers: Readonly<Record<string, number | null>>;
	/** Background question id to category id, or null when skipped. Empty for the owner. */
	background: Readonly<Record<string, string | null>>;
	learning: LearningAnswers;
	/** Open question id to the text as typed, or null. */
	open: Readonly<Record<string, string | null>>;
	/** The survey language it was given in; null or absent when unknown (older or imported responses). */
	language?: SurveyLocale | null;
}

export const emptyLearning: LearningAnswers = Object.freeze({
	formal: null,
	nonFormal: null,
	informal: null,
	need: null,
	intention: null,
	barriers: Object.freeze([]) as readonly string[]
});
