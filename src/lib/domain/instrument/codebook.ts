import { answerCodes } from './helpers';
import { surveyLocales, type Instrument, type LocalizedText, type SurveyLocale } from './schema';

/**
 * What respondents read comes in every survey language; what only researchers read (the 0/1 labels of the
 * barrier columns, the add-on's description) is written in Dutch and English.
 */
type ResearcherText = Pick<LocalizedText, 'nl' | 'en'> & Partial<LocalizedText>;

export type VariableType = 'scale' | 'category' | 'yes_no' | 'binary' | 'text';

/**
 * One column of a flat export (CSV, SPSS/PSPP). `values` are value labels as `code -> label`;
 * `missing` lists codes that are user-missing (the "weet ik niet" code), as SPSS declares them.
 */
export interface CodebookVariable {
	name: string;
	type: VariableType;
	label: LocalizedText;
	values: { code: number; label: ResearcherText }[];
	missing: number[];
	/** Categories come from the round (the team list), so no value labels are fixed here. */
	dynamic?: boolean;
}

export interface Codebook {
	version: string;
	title: LocalizedText;
	scale: {
		min: number;
		max: number;
		dontKnow: number;
		labels: { code: number; label: LocalizedText }[];
	};
	aspects: { id: string; label: LocalizedText; explanation: LocalizedText }[];
	items: {
		id: string;
		aspect: string;
		reverse: boolean;
		/** The employee wording, per language. */
		text: LocalizedText;
		/** The parallel owner wording, per language. */
		ownerText: LocalizedText;
	}[];
	background: {
		id: string;
		label: LocalizedText;
		question: LocalizedText;
		dynamic: boolean;
		askedOf: 'employee';
		categories: { id: string; code: number; label: LocalizedText }[];
	}[];
	learning: {
		id: string;
		kind: 'yes_no' | 'scale' | 'multiple_choice';
		askedOf: 'employee';
		question: LocalizedText;
		description?: LocalizedText;
		options?: { id: string; code: number | string; label: LocalizedText }[];
	}[];
	open: {
		id: string;
		maxLength: number;
		askedOf: 'employee_and_owner';
		text: LocalizedText;
		ownerText: LocalizedText;
	}[];
	/** Every column of a flat export, in order. Barriers become one 0/1 column per option. */
	variables: CodebookVariable[];
	/**
	 * Questions a round may add outside the instrument (its version stays the same): a pattern, not fixed
	 * variables, because each round has its own. Their columns follow the statements in a respondent export.
	 */
	addOns: {
		pattern: string;
		type: 'scale';
		askedOf: 'employee';
		text: ResearcherText;
		description: ResearcherText;
		values: { code: number; label: LocalizedText }[];
		missing: number[];
	}[];
}

/**
 * The code of each survey language in the export variable `language`. A new language gets the next code; a code
 * is never reused, so files from different years stay comparable. Empty means not known (responses stored
 * before the language was kept, and imported ones).
 */
export const languageCodes: Readonly<Record<SurveyLocale, number>> = { nl: 1, en: 2, pl: 3, tr: 4, ar: 5, uk: 6 };

const languageLabels: Readonly<Record<SurveyLocale, ResearcherText>> = {
	nl: { nl: 'Nederlands', en: 'Dutch' },
	en: { nl: 'Engels', en: 'English' },
	pl: { nl: 'Pools', en: 'Polish' },
	tr: { nl: 'Turks', en: 'Turkish' },
	ar: { nl: 'Arabisch', en: 'Arabic' },
	uk: { nl: 'Oekraïens', en: 'Ukrainian' }
};

/** Not a question but how it was asked: the survey language the respondent chose (or the browser's). */
const languageVariable: CodebookVariable = {
	name: 'language',
	type: 'category',
	label: {
		nl: 'Taal waarin de vragenlijst is ingevuld',
		en: 'Language the questionnaire was filled in',
		pl: 'Język, w którym wypełniono ankietę',
		tr: 'Anketin doldurulduğu dil',
		ar: 'اللغة التي مُلئ بها الاستبيان',
		uk: 'Мова, якою заповнено анкету'
	},
	values: surveyLocales.map((locale) => ({ code: languageCodes[locale], label: languageLabels[locale] })),
	missing: []
};

/** The instrument as the JSON that `npx leerkompas codebook --json` prints and researchers read. */
export function codebook(instrument: Instrument): Codebook {
	const { scale, learning } = instrument;
	const scaleLabels = answerCodes(instrument).map((code) => {
		const label = scale.labels[String(code)];
		if (!label) throw new Error(`scale label missing for ${code}`);
		return { code, label };
	});
	const yesNoValues = learning.yesNo.map((o) => ({ code: o.code, label: o.label }));

	const variables: CodebookVariable[] = [
		...instrument.items.map((item) => ({
			name: item.id,
			type: 'scale' as const,
			label: item.text.employee,
			values: scaleLabels,
			missing: [scale.dontKnow]
		})),
		...instrument.background.map((question) => ({
			name: question.id,
			type: 'category' as const,
			label: question.label,
			values: question.categories.map((c) => ({ code: c.code, label: c.label })),
			missing: [],
			...(question.dynamic ? { dynamic: true } : {})
		})),
		...[learning.formal, learning.nonFormal, learning.informal].map((q) => ({
			name: q.id,
			type: 'yes_no' as const,
			label: q.question,
			values: yesNoValues,
			missing: []
		})),
		...[learning.need, learning.intention].map((q) => ({
			name: q.id,
			type: 'scale' as const,
			label: q.question,
			values: scaleLabels,
			missing: [scale.dontKnow]
		})),
		...learning.barriers.options.map((option) => ({
			name: option.code,
			type: 'binary' as const,
			label: option.label,
			values: [
				{ code: 0, label: { nl: 'Niet gekozen', en: 'Not chosen' } },
				{ code: 1, label: { nl: 'Gekozen', en: 'Chosen' } }
			],
			missing: []
		})),
		...instrument.open.map((question) => ({
			name: question.id,
			type: 'text' as const,
			label: question.text.employee,
			values: [],
			missing: []
		})),
		languageVariable
	];

	return {
		version: instrument.version,
		title: instrument.title,
		scale: { min: scale.min, max: scale.max, dontKnow: scale.dontKnow, labels: scaleLabels },
		aspects: instrument.aspects.map((a) => ({ id: a.id, label: a.label, explanation: a.explanation })),
		items: instrument.items.map((item) => ({
			id: item.id,
			aspect: item.aspect,
			reverse: item.reverse,
			text: item.text.employee,
			ownerText: item.text.owner
		})),
		background: instrument.background.map((question) => ({
			id: question.id,
			label: question.label,
			question: question.question,
			dynamic: question.dynamic,
			askedOf: 'employee',
			categories: question.categories.map((c) => ({ id: c.id, code: c.code, label: c.label }))
		})),
		learning: [
			...[learning.formal, learning.nonFormal, learning.informal].map((q) => ({
				id: q.id,
				kind: 'yes_no' as const,
				askedOf: 'employee' as const,
				question: q.question,
				description: q.description,
				options: learning.yesNo.map((o) => ({ id: o.id, code: o.code, label: o.label }))
			})),
			...[learning.need, learning.intention].map((q) => ({
				id: q.id,
				kind: 'scale' as const,
				askedOf: 'employee' as const,
				question: q.question
			})),
			{
				id: learning.barriers.id,
				kind: 'multiple_choice' as const,
				askedOf: 'employee' as const,
				question: learning.barriers.question,
				options: learning.barriers.options.map((o) => ({ id: o.id, code: o.code, label: o.label }))
			}
		],
		open: instrument.open.map((question) => ({
			id: question.id,
			maxLength: question.maxLength,
			askedOf: 'employee_and_owner',
			text: question.text.employee,
			ownerText: question.text.owner
		})),
		variables,
		addOns: [
			{
				pattern: 'action_<id>',
				type: 'scale',
				askedOf: 'employee',
				text: { nl: '‘[titel van de actie]’ heeft geholpen.', en: '‘[title of the action]’ has helped.' },
				description: {
					nl: 'Vraag over een afgeronde actie uit het actieplan, gekozen bij het starten van een ronde. Na action_ volgt het id van de actie, met _ in plaats van -. De titel is die van het moment dat de ronde begon.',
					en: 'Question about a finished action of the action plan, chosen when a round starts. After action_ comes the action\u2019s id, with _ for -. The title is as it was when the round started.'
				},
				values: scaleLabels,
				missing: [scale.dontKnow]
			}
		]
	};
}
