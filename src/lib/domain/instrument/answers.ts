import { z } from 'zod';
import type { LearningAnswers, ScanResponse } from '../response';
import { answerCodes, backgroundCategories } from './helpers';
import type { Instrument, Perspective } from './schema';

/**
 * Error codes instead of texts: the shell maps them to messages in the respondent's language, and the CSV
 * import lists them per row and column.
 */
export const responseErrorCodes = [
	'unknown_key',
	'invalid_type',
	'answer_out_of_range',
	'unknown_category',
	'unknown_option',
	'not_asked',
	'open_too_long'
] as const;
export type ResponseErrorCode = (typeof responseErrorCodes)[number];

export interface ResponseSchemaOptions {
	perspective: Perspective;
	/** The round's team list; without it, any team answer is an unknown category. */
	teams?: readonly string[];
	/**
	 * The variables of the round's questions about finished actions (domain/followup), asked of employees on
	 * the statement scale beside the instrument's items; without them, such a key is an unknown key.
	 */
	followups?: readonly string[];
}

export interface ResponseIssue {
	code: ResponseErrorCode;
	/** Where in the nested input the problem is, e.g. ['answers', 'werk_1']. */
	path: (string | number)[];
	/** The codebook variable (CSV column) concerned, or null when the problem is the whole input. */
	variable: string | null;
}

export type ResponseParseResult =
	| { ok: true; response: ScanResponse }
	| { ok: false; issues: ResponseIssue[] };

const strictObjectError = (issue: { code: string }): string =>
	issue.code === 'unrecognized_keys' ? 'unknown_key' : 'invalid_type';

/** Length as a person counts it: an emoji or accented letter is one character, not two code units. */
function characterCount(text: string): number {
	return Array.from(text).length;
}

/**
 * Validates one submitted response, shaped like a ScanResponse without `perspective`:
 * `{ answers?, background?, learning?, open? }`, each keyed by codebook ids (learning by field name).
 * Every key is optional and may be null (not answered). The output is a complete ScanResponse: every
 * known key present, open answers trimmed (blank becomes null), barriers unique and in codebook order.
 * Owners are not asked background or learning questions; a value there is `not_asked`.
 */
export function responseAnswersSchema(instrument: Instrument, options: ResponseSchemaOptions): z.ZodType<ScanResponse> {
	// Building a schema costs far more than using one (zod compiles each on first use), and every survey post
	// validates: keep the schemas of recent rounds' team lists per instrument.
	const cache = schemaCache.get(instrument) ?? new Map<string, z.ZodType<ScanResponse>>();
	schemaCache.set(instrument, cache);
	const key = `${options.perspective}\u0000${(options.teams ?? []).join('\u0000')}\u0001${(options.followups ?? []).join('\u0000')}`;
	const cached = cache.get(key);
	if (cached) return cached;
	if (cache.size >= SCHEMA_CACHE_SIZE) cache.delete(cache.keys().next().value!);
	const schema = buildResponseAnswersSchema(instrument, options);
	cache.set(key, schema);
	return schema;
}

const SCHEMA_CACHE_SIZE = 500;
const schemaCache = new WeakMap<Instrument, Map<string, z.ZodType<ScanResponse>>>();

function buildResponseAnswersSchema(instrument: Instrument, options: ResponseSchemaOptions): z.ZodType<ScanResponse> {
	const { perspective } = options;
	const codes = answerCodes(instrument);
	const forEmployee = perspective === 'employee';

	const scaleAnswer = z
		.number({ error: 'invalid_type' })
		.refine((value) => codes.includes(value), { error: 'answer_out_of_range' })
		.nullable()
		.optional();
	const notAsked = z.null({ error: 'not_asked' }).optional();

	const answersShape: Record<string, typeof scaleAnswer> = {};
	for (const item of instrument.items) answersShape[item.id] = scaleAnswer;
	// Owners are not asked about the actions: the question is for the team.
	const followups = forEmployee ? (options.followups ?? []) : [];
	for (const variable of followups) answersShape[variable] = scaleAnswer;

	const backgroundShape: Record<string, z.ZodType<string | null | undefined>> = {};
	for (const question of instrument.background) {
		const ids = backgroundCategories(question, options.teams).map((c) => c.id);
		backgroundShape[question.id] = forEmployee
			? z
					.string({ error: 'invalid_type' })
					.refine((value) => ids.includes(value), { error: 'unknown_category' })
					.nullable()
					.optional()
			: notAsked;
	}

	const barrierIds = instrument.learning.barriers.options.map((o) => o.id);
	const yesNo = z
		.boolean({
			error: (issue) => (typeof issue.input === 'string' ? 'unknown_category' : 'invalid_type')
		})
		.nullable()
		.optional();
	const learningShape = {
		formal: forEmployee ? yesNo : notAsked,
		nonFormal: forEmployee ? yesNo : notAsked,
		informal: forEmployee ? yesNo : notAsked,
		need: forEmployee ? scaleAnswer : notAsked,
		intention: forEmployee ? scaleAnswer : notAsked,
		barriers: forEmployee
			? z
					.array(
						z
							.string({ error: 'invalid_type' })
							.refine((value) => barrierIds.includes(value), { error: 'unknown_option' }),
						{ error: 'invalid_type' }
					)
					.nullable()
					.optional()
			: z
					.array(z.never({ error: 'not_asked' }), { error: 'not_asked' })
					.nullable()
					.optional()
	};

	const openShape: Record<string, z.ZodType<string | null | undefined>> = {};
	for (const question of instrument.open) {
		openShape[question.id] = z
			.string({ error: 'invalid_type' })
			.refine((text) => characterCount(text.trim()) <= question.maxLength, {
				error: 'open_too_long'
			})
			.nullable()
			.optional();
	}

	return z
		.strictObject(
			{
				answers: z.strictObject(answersShape, { error: strictObjectError }).optional(),
				background: z.strictObject(backgroundShape, { error: strictObjectError }).optional(),
				learning: z.strictObject(learningShape, { error: strictObjectError }).optional(),
				open: z.strictObject(openShape, { error: strictObjectError }).optional()
			},
			{ error: strictObjectError }
		)
		.transform((input): ScanResponse => {
			const answers: Record<string, number | null> = {};
			for (const item of instrument.items) answers[item.id] = input.answers?.[item.id] ?? null;
			for (const variable of followups) answers[variable] = input.answers?.[variable] ?? null;
			const background: Record<string, string | null> = {};
			for (const question of instrument.background) {
				background[question.id] = input.background?.[question.id] ?? null;
			}
			const ticked = new Set(input.learning?.barriers ?? []);
			const learning: LearningAnswers = {
				formal: input.learning?.formal ?? null,
				nonFormal: input.learning?.nonFormal ?? null,
				informal: input.learning?.informal ?? null,
				need: input.learning?.need ?? null,
				intention: input.learning?.intention ?? null,
				barriers: barrierIds.filter((id) => ticked.has(id))
			};
			const open: Record<string, string | null> = {};
			for (const question of instrument.open) {
				const text = input.open?.[question.id]?.trim() ?? '';
				open[question.id] = text === '' ? null : text;
			}
			return { perspective, answers, background, learning, open };
		});
}

const learningVariable = (instrument: Instrument, field: string | number | undefined): string | null => {
	const learning = instrument.learning;
	switch (field) {
		case 'formal':
			return learning.formal.id;
		case 'nonFormal':
			return learning.nonFormal.id;
		case 'informal':
			return learning.informal.id;
		case 'need':
			return learning.need.id;
		case 'intention':
			return learning.intention.id;
		case 'barriers':
			return learning.barriers.id;
		default:
			return typeof field === 'string' ? field : null;
	}
};

const sections = new Set(['answers', 'background', 'learning', 'open']);

function variableOf(instrument: Instrument, path: readonly (string | number)[]): string | null {
	const [section, key] = path;
	if (section === 'learning') return learningVariable(instrument, key);
	if (typeof key === 'string') return key;
	// A path of one key that is not a section is an unknown column at the top level.
	return typeof section === 'string' && key === undefined && !sections.has(section) ? section : null;
}

function isErrorCode(value: string): value is ResponseErrorCode {
	return (responseErrorCodes as readonly string[]).includes(value);
}

/** Flattens a zod error from responseAnswersSchema into one coded issue per problem and variable. */
export function responseIssues(instrument: Instrument, error: z.ZodError): ResponseIssue[] {
	const issues: ResponseIssue[] = [];
	for (const issue of error.issues) {
		const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				const keyPath = [...path, key];
				issues.push({ code: 'unknown_key', path: keyPath, variable: variableOf(instrument, keyPath) });
			}
			continue;
		}
		const code = isErrorCode(issue.message) ? issue.message : 'invalid_type';
		issues.push({ code, path, variable: variableOf(instrument, path) });
	}
	return issues;
}

export function parseResponseAnswers(
	instrument: Instrument,
	input: unknown,
	options: ResponseSchemaOptions
): ResponseParseResult {
	const result = responseAnswersSchema(instrument, options).safeParse(input);
	if (result.success) return { ok: true, response: result.data };
	return { ok: false, issues: responseIssues(instrument, result.error) };
}

/** A flat record as a form post or a CSV row gives it: codebook variable to text (or several texts). */
export type FlatAnswers = Readonly<Record<string, string | readonly string[] | number | undefined>>;

const truthy = new Set(['1', 'true', 'yes', 'ja']);
const falsy = new Set(['0', 'false', 'no', 'nee']);

function single(value: string | readonly string[] | number | undefined): string | number | undefined {
	if (Array.isArray(value)) return value.length === 0 ? undefined : (value as readonly string[])[0];
	return value as string | number | undefined;
}

function blank(value: string | number | undefined): boolean {
	return value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** Digits become a number so that "7" reports out-of-range, while "abc" stays text and reports wrong type. */
function numericOrText(value: string | number): string | number {
	if (typeof value === 'number') return value;
	const trimmed = value.trim();
	return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * Turns a flat record (form post, CSV row) keyed by codebook variables into the nested input that
 * responseAnswersSchema validates. Empty cells are left out, so a CSV with every column works for owners
 * too. Categories may be given by id or by numeric code, as SPSS exports them. Barriers come either as
 * `barriers` (ids, or one text separated by spaces, commas, semicolons or bars) or as 0/1 columns named by
 * option code. The column `perspective` is skipped, since the caller reads it to choose the schema.
 * Unknown columns are passed on so that the schema reports them as `unknown_key`.
 */
export function responseInputFromFlat(
	instrument: Instrument,
	flat: FlatAnswers,
	options: Pick<ResponseSchemaOptions, 'teams' | 'followups'> = {}
): Record<string, unknown> {
	const itemIds = new Set([...instrument.items.map((i) => i.id), ...(options.followups ?? [])]);
	const openIds = new Set(instrument.open.map((o) => o.id));
	const learning = instrument.learning;
	const yesNoFields: Record<string, 'formal' | 'nonFormal' | 'informal'> = {
		[learning.formal.id]: 'formal',
		[learning.nonFormal.id]: 'nonFormal',
		[learning.informal.id]: 'informal'
	};
	const scaleFields: Record<string, 'need' | 'intention'> = {
		[learning.need.id]: 'need',
		[learning.intention.id]: 'intention'
	};
	const barrierByCode = new Map(learning.barriers.options.map((o) => [o.code, o.id]));
	const codeOf = (id: string): string[] =>
		learning.yesNo.filter((o) => o.id === id).map((o) => String(o.code));
	const yesCodes = new Set([...truthy, ...codeOf('yes')]);
	const noCodes = new Set([...falsy, ...codeOf('no')]);

	const answers: Record<string, unknown> = {};
	const background: Record<string, unknown> = {};
	const learningInput: Record<string, unknown> = {};
	const open: Record<string, unknown> = {};
	const rest: Record<string, unknown> = {};
	let barriers: unknown[] | undefined;

	for (const [key, raw] of Object.entries(flat)) {
		if (key === 'perspective') continue;
		const value = single(raw);
		if (key === learning.barriers.id) {
			const parts = Array.isArray(raw)
				? (raw as readonly string[])
				: typeof value === 'string'
					? value.split(/[\s,;|]+/)
					: value === undefined
						? []
						: [value];
			const ids = parts.filter((p) => !blank(p)).map((p) => (typeof p === 'string' ? p.trim() : p));
			if (ids.length > 0) barriers = [...(barriers ?? []), ...ids];
			continue;
		}
		const barrierId = barrierByCode.get(key);
		if (barrierId !== undefined) {
			if (blank(value)) continue;
			const text = String(value).trim().toLowerCase();
			if (truthy.has(text)) barriers = [...(barriers ?? []), barrierId];
			// A value that is neither yes nor no is passed as an option id, so the schema flags it.
			else if (!falsy.has(text)) barriers = [...(barriers ?? []), text];
			continue;
		}
		if (blank(value)) continue;
		const present = value as string | number;
		if (itemIds.has(key)) {
			answers[key] = numericOrText(present);
			continue;
		}
		const question = instrument.background.find((b) => b.id === key);
		if (question) {
			const text = String(present).trim();
			const categories = backgroundCategories(question, options.teams);
			const match =
				categories.find((c) => c.id === text) ?? categories.find((c) => String(c.code) === text);
			background[key] = match ? match.id : text;
			continue;
		}
		const yesNoField = yesNoFields[key];
		if (yesNoField) {
			const text = String(present).trim().toLowerCase();
			learningInput[yesNoField] = yesCodes.has(text) ? true : noCodes.has(text) ? false : text;
			continue;
		}
		const scaleField = scaleFields[key];
		if (scaleField) {
			learningInput[scaleField] = numericOrText(present);
			continue;
		}
		if (openIds.has(key)) {
			open[key] = String(present);
			continue;
		}
		rest[key] = present;
	}
	if (barriers !== undefined) learningInput.barriers = barriers;

	const input: Record<string, unknown> = { ...rest };
	if (Object.keys(answers).length > 0) input.answers = answers;
	if (Object.keys(background).length > 0) input.background = background;
	if (Object.keys(learningInput).length > 0) input.learning = learningInput;
	if (Object.keys(open).length > 0) input.open = open;
	return input;
}

/** Validates a flat record (form post or CSV row); issues name the CSV column in `variable`. */
export function parseFlatResponse(
	instrument: Instrument,
	flat: FlatAnswers,
	options: ResponseSchemaOptions
): ResponseParseResult {
	return parseResponseAnswers(instrument, responseInputFromFlat(instrument, flat, options), options);
}
