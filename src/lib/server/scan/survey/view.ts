// The questions of a screen as the respondent reads them: localized texts and the choices to show.
import {
	answerCodes,
	backgroundCategories,
	findAspect,
	findItem,
	questionText,
	scaleLabel,
	type Instrument,
	type SurveyLocale,
	type Perspective
} from '../../../domain/instrument';

export interface ChoiceOption {
	value: string;
	label: string;
}

export type QuestionView =
	| { kind: 'single'; id: string; text: string; hint: string | null; options: ChoiceOption[] }
	| { kind: 'multiple'; id: string; text: string; hint: string | null; options: ChoiceOption[] }
	| { kind: 'text'; id: string; text: string; hint: string | null; maxLength: number };

function scaleOptions(instrument: Instrument, locale: SurveyLocale): ChoiceOption[] {
	return answerCodes(instrument).map((code) => ({ value: String(code), label: scaleLabel(instrument, code, locale) ?? String(code) }));
}

/** One question by its codebook variable; null for a variable this instrument does not ask. */
export function questionView(
	instrument: Instrument,
	field: string,
	perspective: Perspective,
	locale: SurveyLocale,
	teams: readonly string[] = []
): QuestionView | null {
	const item = findItem(instrument, field);
	if (item) return { kind: 'single', id: field, text: questionText(item, perspective, locale), hint: null, options: scaleOptions(instrument, locale) };
	const background = instrument.background.find((q) => q.id === field);
	if (background) {
		const options = backgroundCategories(background, teams).map((c) => ({ value: c.id, label: c.label[locale] }));
		return { kind: 'single', id: field, text: background.question[locale], hint: null, options };
	}
	const l = instrument.learning;
	for (const question of [l.formal, l.nonFormal, l.informal]) {
		if (question.id === field) {
			const options = l.yesNo.map((o) => ({ value: o.id, label: o.label[locale] }));
			return { kind: 'single', id: field, text: question.question[locale], hint: question.description[locale], options };
		}
	}
	for (const question of [l.need, l.intention]) {
		if (question.id === field) return { kind: 'single', id: field, text: question.question[locale], hint: null, options: scaleOptions(instrument, locale) };
	}
	if (l.barriers.id === field) {
		const options = l.barriers.options.map((o) => ({ value: o.id, label: o.label[locale] }));
		return { kind: 'multiple', id: field, text: l.barriers.question[locale], hint: null, options };
	}
	const open = instrument.open.find((q) => q.id === field);
	if (open) return { kind: 'text', id: field, text: questionText(open, perspective, locale), hint: null, maxLength: open.maxLength };
	return null;
}

/**
 * The question about a finished action (domain/followup) on the statement scale. Its text is the action's
 * title as the firm wrote it, in a sentence from the caller's messages; pages escape it like any text.
 */
export function followupQuestionView(instrument: Instrument, variable: string, text: string, locale: SurveyLocale): QuestionView {
	return { kind: 'single', id: variable, text, hint: null, options: scaleOptions(instrument, locale) };
}

export function questionViews(
	instrument: Instrument,
	fields: readonly string[],
	perspective: Perspective,
	locale: SurveyLocale,
	teams: readonly string[] = []
): QuestionView[] {
	return fields.map((f) => questionView(instrument, f, perspective, locale, teams)).filter((q): q is QuestionView => q !== null);
}

export function aspectTexts(instrument: Instrument, aspectId: string, locale: SurveyLocale): { title: string; explanation: string } | null {
	const aspect = findAspect(instrument, aspectId);
	return aspect ? { title: aspect.label[locale], explanation: aspect.explanation[locale] } : null;
}
