// The rules for a new firm, kept free of database code so that a form action, the CLI and the tests
// check input the same way. Each issue's message is a stable error code; the caller turns codes into text.
import { z } from 'zod';

import { PROVINCES, SECTORS, sectorFromInput } from '../../domain/firm/attributes';

export { PROVINCES, SECTORS };

export const SIZE_CLASSES = ['1-9', '10-49', '50-249'] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** Leerkompas is built for the mkb: from 250 employees on, a firm is out of scope. */
export const MAX_EMPLOYEES = 249;
export const NAME_MAX_LENGTH = 120;
export const SLUG_MIN_LENGTH = 3;
export const SLUG_MAX_LENGTH = 50;
// No leading, trailing or double hyphens, so that a slug reads well in a link.
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Size class of a firm with this many employees; null when it is outside 1..249 or not a whole number. */
export function sizeClassFor(employees: number): SizeClass | null {
	if (!Number.isInteger(employees) || employees < 1) return null;
	if (employees <= 9) return '1-9';
	if (employees <= 49) return '10-49';
	if (employees <= MAX_EMPLOYEES) return '50-249';
	return null;
}

export const CREATE_FIRM_FIELDS = ['name', 'slug', 'employees', 'sector', 'province', 'ownerUserId'] as const;
export type CreateFirmField = (typeof CREATE_FIRM_FIELDS)[number];

export const CREATE_FIRM_ERROR_CODES = [
	'required',
	'invalid',
	'too_long',
	'not_integer',
	'too_few',
	'too_many',
	'unknown',
	'taken'
] as const;
export type CreateFirmErrorCode = (typeof CREATE_FIRM_ERROR_CODES)[number];
export type CreateFirmErrors = Partial<Record<CreateFirmField, CreateFirmErrorCode>>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

// Form fields arrive as text; anything that is not plainly a number becomes NaN so it is reported as
// 'not_integer' rather than silently read as 0 (which Number('') would do).
const toNumber = (v: unknown) => {
	const blank = blankToUndefined(v);
	if (typeof blank !== 'string') return blank;
	const s = blank.trim();
	return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
};

const missingOr = (code: CreateFirmErrorCode) => (issue: { input?: unknown }) =>
	issue.input === undefined || issue.input === null ? 'required' : code;

export const createFirmSchema = z.object({
	name: z
		.string({ error: missingOr('invalid') })
		.trim()
		.min(1, { error: 'required' })
		.max(NAME_MAX_LENGTH, { error: 'too_long' }),
	slug: z.preprocess(
		blankToUndefined,
		z
			.string({ error: 'invalid' })
			.trim()
			.toLowerCase()
			.min(SLUG_MIN_LENGTH, { error: 'invalid' })
			.max(SLUG_MAX_LENGTH, { error: 'invalid' })
			.regex(SLUG_PATTERN, { error: 'invalid' })
			.optional()
	),
	employees: z.preprocess(
		toNumber,
		z
			.number({ error: missingOr('not_integer') })
			.int({ error: 'not_integer' })
			.min(1, { error: 'too_few' })
			.max(MAX_EMPLOYEES, { error: 'too_many' })
	),
	sector: z.preprocess((v) => sectorFromInput(blankToUndefined(v)), z.enum(SECTORS, { error: missingOr('unknown') })),
	province: z.preprocess(blankToUndefined, z.enum(PROVINCES, { error: missingOr('unknown') })),
	ownerUserId: z.preprocess(blankToUndefined, z.string({ error: 'invalid' }).optional())
});

export type CreateFirmData = z.output<typeof createFirmSchema>;

/** What callers may pass: form text or typed values; the schema decides what is acceptable. */
export interface CreateFirmInput {
	name: string;
	slug?: string | null;
	employees: number | string;
	sector: string;
	province: string;
	ownerUserId?: string | null;
}

export type ParsedCreateFirmInput =
	| { ok: true; data: CreateFirmData }
	| { ok: false; errors: CreateFirmErrors };

export function parseCreateFirmInput(input: unknown): ParsedCreateFirmInput {
	const parsed = createFirmSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: CreateFirmErrors = {};
	for (const issue of parsed.error.issues) {
		const field = CREATE_FIRM_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue; // the first problem per field is the one to fix first
		errors[field] = CREATE_FIRM_ERROR_CODES.find((c) => c === issue.message) ?? 'invalid';
	}
	return { ok: false, errors };
}

/**
 * A readable slug from a firm's name: accents dropped, everything else that is not a letter or digit
 * becomes a hyphen. Names that leave too little (e.g. only symbols) fall back to 'bedrijf'.
 */
export function slugFromName(name: string): string {
	const base = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX_LENGTH)
		.replace(/-+$/, '');
	if (base.length === 0) return 'bedrijf';
	if (base.length < SLUG_MIN_LENGTH) return `${base}-bedrijf`;
	return base;
}
