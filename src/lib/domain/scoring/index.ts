import { itemsOfAspect } from '../instrument/helpers';
import type { Instrument, Item, Scale } from '../instrument/schema';
import type { ScanResponse } from '../response';
import { mean } from '../stats/descriptive';

/** An answer counts only when it is a whole point on the scale; "weet ik niet" (9) and skipped are missing. */
export function isScaleAnswer(answer: number | null | undefined, scale: Pick<Scale, 'min' | 'max'>): answer is number {
	return (
		typeof answer === 'number' && Number.isInteger(answer) && answer >= scale.min && answer <= scale.max
	);
}

/** The item score: the answer, or (min + max) minus the answer (6 - answer) for a reverse-keyed item. */
export function itemScore(
	item: Pick<Item, 'reverse'>,
	answer: number | null | undefined,
	scale: Pick<Scale, 'min' | 'max'>
): number | null {
	if (!isScaleAnswer(answer, scale)) return null;
	return item.reverse ? scale.min + scale.max - answer : answer;
}

/** Item scores of one respondent for the given items (one aspect's, in instrument order); null where missing. */
export function itemScores(
	items: readonly Pick<Item, 'id' | 'reverse'>[],
	response: Pick<ScanResponse, 'answers'>,
	scale: Pick<Scale, 'min' | 'max'>
): (number | null)[] {
	return items.map((item) => itemScore(item, response.answers[item.id], scale));
}

/** Item scores of one respondent for one aspect, in instrument order; null where missing. */
export function aspectItemScores(
	instrument: Instrument,
	response: Pick<ScanResponse, 'answers'>,
	aspectId: string
): (number | null)[] {
	return itemScores(itemsOfAspect(instrument, aspectId), response, instrument.scale);
}

/**
 * The aspect score from one respondent's item scores of that aspect: their mean, if at least half of the
 * items are answered (3 of 5, 3 of 6); otherwise missing.
 */
export function aspectScoreOfItems(scores: readonly (number | null)[]): number | null {
	const answered = scores.filter((s): s is number => s !== null);
	if (scores.length === 0 || answered.length * 2 < scores.length) return null;
	return mean(answered);
}

/** The item scores when every item of the aspect is answered (a row for Cronbach's alpha); else null. */
export function completeRowOfItems(scores: readonly (number | null)[]): number[] | null {
	return scores.every((s): s is number => s !== null) ? [...scores] : null;
}

/**
 * A respondent's aspect score: the mean of the aspect's answered item scores, if at least half of its
 * items are answered (3 of 5, 3 of 6); otherwise missing.
 */
export function aspectScore(
	instrument: Instrument,
	response: Pick<ScanResponse, 'answers'>,
	aspectId: string
): number | null {
	return aspectScoreOfItems(aspectItemScores(instrument, response, aspectId));
}

export function aspectScores(
	instrument: Instrument,
	response: Pick<ScanResponse, 'answers'>
): Record<string, number | null> {
	const scores: Record<string, number | null> = {};
	for (const aspect of instrument.aspects) scores[aspect.id] = aspectScore(instrument, response, aspect.id);
	return scores;
}

/** Item scores of a respondent who answered every item of the aspect, for Cronbach's alpha; else null. */
export function completeAspectRow(
	instrument: Instrument,
	response: Pick<ScanResponse, 'answers'>,
	aspectId: string
): number[] | null {
	return completeRowOfItems(aspectItemScores(instrument, response, aspectId));
}
