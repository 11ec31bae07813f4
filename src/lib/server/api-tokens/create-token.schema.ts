// The rules for a new API token, free of database code: a name, the firms it reaches, read or write, and
// how many days it lasts (90 unless said, never more than a year). Each problem is a stable code per field.
import { z } from 'zod';

export const TOKEN_NAME_MAX_LENGTH = 60;
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;
export const TOKEN_ACCESS = ['read', 'write'] as const;
export type TokenAccess = (typeof TOKEN_ACCESS)[number];

export const TOKEN_FIELDS = ['name', 'firms', 'access', 'days'] as const;
export type TokenField = (typeof TOKEN_FIELDS)[number];
export type TokenErrorCode = 'required' | 'too_long' | 'invalid' | 'too_few' | 'too_many';
export type TokenErrors = Partial<Record<TokenField, TokenErrorCode>>;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const toNumber = (v: unknown) => {
	const blank = blankToUndefined(v);
	if (typeof blank !== 'string') return blank;
	return /^\d+$/.test(blank.trim()) ? Number(blank.trim()) : Number.NaN;
};

export const createTokenSchema = z.object({
	name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(TOKEN_NAME_MAX_LENGTH, { error: 'too_long' }),
	/** Firm slugs; each must be one of the account's own firms (checked with the database). */
	firms: z.array(z.string({ error: 'invalid' }), { error: 'required' }).min(1, { error: 'required' }).max(100, { error: 'too_many' }),
	access: z.enum(TOKEN_ACCESS, { error: 'invalid' }),
	days: z.preprocess(
		toNumber,
		z.number({ error: 'invalid' }).int({ error: 'invalid' }).min(1, { error: 'too_few' }).max(MAX_TOKEN_DAYS, { error: 'too_many' }).default(DEFAULT_TOKEN_DAYS)
	)
});
export type CreateTokenData = z.output<typeof createTokenSchema>;

export function parseCreateTokenInput(input: unknown): { ok: true; data: CreateTokenData } | { ok: false; errors: TokenErrors } {
	const parsed = createTokenSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: TokenErrors = {};
	for (const issue of parsed.error.issues) {
		const field = TOKEN_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue;
		const code = (['required', 'too_long', 'invalid', 'too_few', 'too_many'] as const).find((c) => c === issue.message);
		errors[field] = code ?? 'invalid';
	}
	return { ok: false, errors };
}
