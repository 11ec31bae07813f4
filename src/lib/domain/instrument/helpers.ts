import type {
	Aspect,
	BackgroundQuestion,
	Category,
	Instrument,
	Item,
	SurveyLocale,
	OpenQuestion,
	Perspective
} from './schema';

export function itemsOfAspect(instrument: Instrument, aspectId: string): Item[] {
	return instrument.items.filter((item) => item.aspect === aspectId);
}

export function findAspect(instrument: Instrument, aspectId: string): Aspect | undefined {
	return instrument.aspects.find((aspect) => aspect.id === aspectId);
}

export function findItem(instrument: Instrument, itemId: string): Item | undefined {
	return instrument.items.find((item) => item.id === itemId);
}

/** The statement as the given respondent reads it: employees about themselves, the owner about the staff. */
export function questionText(
	item: Item | OpenQuestion,
	perspective: Perspective,
	locale: SurveyLocale
): string {
	return item.text[perspective][locale];
}

export function scaleLabel(instrument: Instrument, code: number, locale: SurveyLocale): string | undefined {
	return instrument.scale.labels[String(code)]?.[locale];
}

/** The scale codes a respondent can choose, in display order: min..max, then "weet ik niet". */
export function answerCodes(instrument: Instrument): number[] {
	const codes: number[] = [];
	for (let value = instrument.scale.min; value <= instrument.scale.max; value++) codes.push(value);
	codes.push(instrument.scale.dontKnow);
	return codes;
}

/**
 * Categories of a background question for one round. Dynamic questions (team) get theirs from the owner's
 * team list; the team name is both the id and the label, since owners type it in their own words.
 */
export function backgroundCategories(
	question: BackgroundQuestion,
	teams: readonly string[] = []
): Category[] {
	if (!question.dynamic) return question.categories;
	return teams.map((team, index) => ({ id: team, code: index + 1, label: { nl: team, en: team, pl: team, tr: team, ar: team, uk: team } }));
}
