// The personal self-scan (waarderende zelfscan): a short appreciative questionnaire a worker fills in for
// themselves. Its texts live in content/self-scan/ (Dutch and English side by side); this is their shape and
// how a posted page becomes answers. Nothing here knows about a firm: the scan belongs to the worker.
import { z } from 'zod';
import { ASPECT_IDS } from '../knowledge/entry';

export const SELF_SCAN_LOCALES = ['nl', 'en'] as const;
export type SelfScanLocale = (typeof SELF_SCAN_LOCALES)[number];

/** The overview shows the parts in this order: strengths first, then wishes, then what is in the way. */
export const SELF_SCAN_PARTS = ['strengths', 'wishes', 'obstacles'] as const;
export type SelfScanPart = (typeof SELF_SCAN_PARTS)[number];

/** The longest open answer kept, in characters: enough for a few paragraphs. */
export const OPEN_ANSWER_MAX = 2000;

const id = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/);
const localized = z.object({ nl: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }).strict();
const unique = (ids: string[]) => new Set(ids).size === ids.length;

const openQuestionSchema = z
	.object({ id, kind: z.literal('open'), part: z.enum(SELF_SCAN_PARTS), text: localized, hint: localized.optional() })
	.strict();

const choiceOptionSchema = z
	.object({
		id,
		text: localized,
		/** The learning-culture aspects this choice points to; suggestions from the knowledge base follow them. */
		aspects: z.array(z.enum(ASPECT_IDS)).min(1).max(3)
	})
	.strict();

const choiceQuestionSchema = z
	.object({
		id,
		kind: z.literal('choice'),
		part: z.enum(SELF_SCAN_PARTS),
		text: localized,
		hint: localized.optional(),
		options: z
			.array(choiceOptionSchema)
			.min(2)
			.max(12)
			.refine((options) => unique(options.map((o) => o.id)), 'two options with the same id')
	})
	.strict();

export const selfScanQuestionnaireSchema = z
	.object({
		version: z.string().regex(/^v\d+$/),
		questions: z
			.array(z.discriminatedUnion('kind', [openQuestionSchema, choiceQuestionSchema]))
			.min(1)
			.max(20)
			.refine((questions) => unique(questions.map((q) => q.id)), 'two questions with the same id')
	})
	.strict();

export type SelfScanQuestionnaire = z.infer<typeof selfScanQuestionnaireSchema>;

/** What a worker answered: open texts and chosen option ids, by question id. Unanswered questions are absent. */
export const selfScanAnswersSchema = z
	.object({
		version: z.string().regex(/^v\d+$/),
		open: z.record(id, z.string().min(1).max(OPEN_ANSWER_MAX)),
		choices: z.record(id, z.array(id).min(1))
	})
	.strict();
export type SelfScanAnswers = z.infer<typeof selfScanAnswersSchema>;

export type AnswerProblem = 'tooLong' | 'unknownOption';
export type ParsedAnswers =
	| { ok: true; answers: SelfScanAnswers }
	| { ok: false; nothingAnswered: boolean; problems: Record<string, AnswerProblem> };

/**
 * Turns a posted page (field name to its values, as a form sends them) into answers. Open answers are trimmed;
 * a choice the questionnaire does not offer is refused rather than dropped, so nothing is silently lost.
 */
export function parseSelfScanAnswers(questionnaire: SelfScanQuestionnaire, posted: Record<string, string[]>): ParsedAnswers {
	const answers: SelfScanAnswers = { version: questionnaire.version, open: {}, choices: {} };
	const problems: Record<string, AnswerProblem> = {};
	for (const question of questionnaire.questions) {
		const values = posted[question.id] ?? [];
		if (question.kind === 'open') {
			const text = (values[0] ?? '').trim();
			if (text.length > OPEN_ANSWER_MAX) problems[question.id] = 'tooLong';
			else if (text) answers.open[question.id] = text;
		} else {
			const offered = new Set(question.options.map((o) => o.id));
			const chosen = [...new Set(values.filter((v) => v !== ''))];
			if (chosen.some((v) => !offered.has(v))) problems[question.id] = 'unknownOption';
			else if (chosen.length > 0) answers.choices[question.id] = question.options.map((o) => o.id).filter((o) => chosen.includes(o));
		}
	}
	if (Object.keys(problems).length > 0) return { ok: false, nothingAnswered: false, problems };
	if (Object.keys(answers.open).length === 0 && Object.keys(answers.choices).length === 0) {
		return { ok: false, nothingAnswered: true, problems };
	}
	return { ok: true, answers };
}

/** The answers as form fields again (for the result page's "keep" and "PDF" forms, which post them once more). */
export function answersAsFields(answers: SelfScanAnswers): Array<{ name: string; value: string }> {
	return [
		...Object.entries(answers.open).map(([name, value]) => ({ name, value })),
		...Object.entries(answers.choices).flatMap(([name, values]) => values.map((value) => ({ name, value })))
	];
}
