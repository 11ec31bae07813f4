import { z } from 'zod';

/**
 * The app's own languages: every page for owners, coordinators and admins, mails, PDF reports and the CLI.
 * Only the respondent's side (survey, card code, short link) comes in more: see surveyLocales.
 */
export const appLocales = ['nl', 'en'] as const;
export type AppLocale = (typeof appLocales)[number];

/**
 * The languages a respondent can answer in: the app's two and the languages many hands-on workers in Dutch mkb
 * read best. Every text of the questionnaire exists in all of them (content/instrument/v1.<lang>.json), so a
 * response means the same in any of them; the item ids, scales and codes never depend on the language.
 */
export const surveyLocales = ['nl', 'en', 'pl', 'tr', 'ar', 'uk'] as const;
export type SurveyLocale = (typeof surveyLocales)[number];

export const isAppLocale = (value: unknown): value is AppLocale => (appLocales as readonly unknown[]).includes(value);
export const isSurveyLocale = (value: unknown): value is SurveyLocale => (surveyLocales as readonly unknown[]).includes(value);

/**
 * Each language by its own name (an autonym), the same on every page whatever the page's language: a reader who
 * cannot read the current page still finds theirs. Not a message, since it is never translated.
 */
export const languageNames: Readonly<Record<SurveyLocale, string>> = {
	nl: 'Nederlands',
	en: 'English',
	pl: 'Polski',
	tr: 'Türkçe',
	ar: 'العربية',
	uk: 'Українська'
};

/** Arabic is written right to left; the page's dir and its mirrored layout follow from this. */
export const textDirection = (locale: SurveyLocale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

export const perspectives = ['employee', 'owner'] as const;
export type Perspective = (typeof perspectives)[number];

/**
 * Question ids double as variable names in CSV and SPSS/PSPP exports, so they must be valid there:
 * a lower-case letter first, then letters, digits or underscores, at most 32 characters.
 */
const variableName = z
	.string()
	.regex(/^[a-z][a-z0-9_]{0,31}$/, 'must be a valid export variable name (a-z, 0-9, _; max 32)');

// After loading, every text has all six languages: load.ts merges the translation files into v1.json's {nl, en}.
const localizedText = z.strictObject({
	nl: z.string().min(1),
	en: z.string().min(1),
	pl: z.string().min(1),
	tr: z.string().min(1),
	ar: z.string().min(1),
	uk: z.string().min(1)
} satisfies Record<SurveyLocale, z.ZodString>);
export type LocalizedText = z.infer<typeof localizedText>;

const perspectiveText = z.strictObject({
	employee: localizedText,
	owner: localizedText
});

const scaleSchema = z
	.strictObject({
		min: z.number().int(),
		max: z.number().int(),
		dontKnow: z.number().int(),
		labels: z.record(z.string().regex(/^\d+$/), localizedText)
	})
	.superRefine((scale, ctx) => {
		if (scale.max <= scale.min) ctx.addIssue({ code: 'custom', message: 'scale max must exceed min' });
		if (scale.dontKnow >= scale.min && scale.dontKnow <= scale.max) {
			ctx.addIssue({ code: 'custom', message: 'dontKnow code must lie outside the scale' });
		}
		for (let value = scale.min; value <= scale.max; value++) {
			if (!scale.labels[String(value)]) {
				ctx.addIssue({ code: 'custom', message: `scale label missing for ${value}` });
			}
		}
		if (!scale.labels[String(scale.dontKnow)]) {
			ctx.addIssue({ code: 'custom', message: 'scale label missing for the dontKnow code' });
		}
	});
export type Scale = z.infer<typeof scaleSchema>;

const aspectSchema = z.strictObject({
	id: variableName,
	label: localizedText,
	explanation: localizedText
});
export type Aspect = z.infer<typeof aspectSchema>;

const itemSchema = z.strictObject({
	id: variableName,
	aspect: variableName,
	reverse: z.boolean(),
	text: perspectiveText
});
export type Item = z.infer<typeof itemSchema>;

/** A category's `id` is what forms and CSV files carry; `code` is the numeric value label for SPSS. */
const categorySchema = z.strictObject({
	id: z.string().regex(/^[A-Za-z0-9_]+$/),
	code: z.number().int().nonnegative(),
	label: localizedText
});
export type Category = z.infer<typeof categorySchema>;

const backgroundQuestionSchema = z
	.strictObject({
		id: variableName,
		label: localizedText,
		question: localizedText,
		/** Dynamic questions (team) take their categories from the round, not from the instrument. */
		dynamic: z.boolean(),
		categories: z.array(categorySchema)
	})
	.superRefine((question, ctx) => {
		if (question.dynamic && question.categories.length > 0) {
			ctx.addIssue({ code: 'custom', message: `${question.id}: a dynamic question lists no categories` });
		}
		if (!question.dynamic && question.categories.length < 2) {
			ctx.addIssue({ code: 'custom', message: `${question.id}: needs at least two categories` });
		}
		checkUnique(
			question.categories.map((c) => c.id),
			`${question.id} category id`,
			ctx
		);
		checkUnique(
			question.categories.map((c) => String(c.code)),
			`${question.id} category code`,
			ctx
		);
	});
export type BackgroundQuestion = z.infer<typeof backgroundQuestionSchema>;

const yesNoQuestionSchema = z.strictObject({
	id: variableName,
	question: localizedText,
	description: localizedText
});

const scaleQuestionSchema = z.strictObject({
	id: variableName,
	question: localizedText
});

const barrierOptionSchema = z.strictObject({
	id: z.string().regex(/^[a-z][a-z0-9_]*$/),
	/** Multi-select answers are exported as one 0/1 variable per option, named by this code. */
	code: variableName,
	label: localizedText
});

const learningSchema = z.strictObject({
	formal: yesNoQuestionSchema,
	nonFormal: yesNoQuestionSchema,
	informal: yesNoQuestionSchema,
	yesNo: z
		.array(categorySchema)
		.refine((options) => options.map((o) => o.id).join(',') === 'yes,no', 'yesNo lists yes, then no'),
	need: scaleQuestionSchema,
	intention: scaleQuestionSchema,
	barriers: z.strictObject({
		id: variableName,
		question: localizedText,
		options: z.array(barrierOptionSchema).min(2)
	})
});

const openQuestionSchema = z.strictObject({
	id: variableName,
	maxLength: z.number().int().positive(),
	text: perspectiveText
});
export type OpenQuestion = z.infer<typeof openQuestionSchema>;

export const instrumentSchema = z
	.strictObject({
		version: z.string().regex(/^v\d+$/),
		title: localizedText,
		scale: scaleSchema,
		aspects: z.array(aspectSchema).min(1),
		items: z.array(itemSchema).min(1),
		background: z.array(backgroundQuestionSchema),
		learning: learningSchema,
		open: z.array(openQuestionSchema)
	})
	.superRefine((instrument, ctx) => {
		const aspectIds = new Set(instrument.aspects.map((a) => a.id));
		checkUnique([...aspectIds], 'aspect id', ctx);
		for (const item of instrument.items) {
			if (!aspectIds.has(item.aspect)) {
				ctx.addIssue({ code: 'custom', message: `${item.id}: unknown aspect ${item.aspect}` });
			}
		}
		for (const aspect of instrument.aspects) {
			const items = instrument.items.filter((i) => i.aspect === aspect.id);
			if (items.length < 2) {
				ctx.addIssue({ code: 'custom', message: `${aspect.id}: needs at least two items` });
			}
			// A second reversed statement in one short scale confuses readers more than it controls acquiescence.
			if (items.filter((i) => i.reverse).length > 1) {
				ctx.addIssue({ code: 'custom', message: `${aspect.id}: at most one reverse-keyed item` });
			}
		}
		checkUnique(exportVariableNames(instrument), 'export variable name', ctx);
		checkUnique(
			instrument.learning.barriers.options.map((o) => o.id),
			'barrier option id',
			ctx
		);
	});

export type Instrument = z.infer<typeof instrumentSchema>;

/** Every variable name a flat export of one response uses; they must not collide. */
export function exportVariableNames(instrument: Instrument): string[] {
	const learning = instrument.learning;
	return [
		...instrument.items.map((i) => i.id),
		...instrument.background.map((b) => b.id),
		learning.formal.id,
		learning.nonFormal.id,
		learning.informal.id,
		learning.need.id,
		learning.intention.id,
		learning.barriers.id,
		...learning.barriers.options.map((o) => o.code),
		...instrument.open.map((o) => o.id)
	];
}

function checkUnique(values: readonly string[], what: string, ctx: z.RefinementCtx): void {
	const seen = new Set<string>();
	for (const value of values) {
		if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `duplicate ${what}: ${value}` });
		seen.add(value);
	}
}
