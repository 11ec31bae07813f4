// The rules for a new pilot, free of database code so that the form action, the CLI and the tests check input
// the same way. Each problem is a stable code; the caller turns codes into text.
import { z } from 'zod';
import { SLUG_MAX_LENGTH, SLUG_MIN_LENGTH, SLUG_PATTERN, slugFromName } from '../firms/create-firm.schema';

export const PILOT_NAME_MAX_LENGTH = 120;

export type CreatePilotField = 'name' | 'slug' | 'entry';
export type CreatePilotErrorCode = 'required' | 'too_long' | 'invalid' | 'taken' | 'unknown';
export type CreatePilotErrors = Partial<Record<CreatePilotField, CreatePilotErrorCode>>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const createPilotSchema = z.object({
	name: z.string({ error: 'required' }).trim().min(1, 'required').max(PILOT_NAME_MAX_LENGTH, 'too_long'),
	slug: z.preprocess(
		blankToUndefined,
		z
			.string()
			.trim()
			.toLowerCase()
			.min(SLUG_MIN_LENGTH, 'invalid')
			.max(SLUG_MAX_LENGTH, 'invalid')
			.regex(SLUG_PATTERN, 'invalid')
			.optional()
	),
	entry: z.preprocess(blankToUndefined, z.string().trim().max(200, 'unknown').optional())
});
export type CreatePilotInput = z.input<typeof createPilotSchema>;
export type CheckedPilotInput = z.output<typeof createPilotSchema> & { slug: string };

export function parseCreatePilotInput(input: CreatePilotInput): { ok: true; data: CheckedPilotInput } | { ok: false; errors: CreatePilotErrors } {
	const parsed = createPilotSchema.safeParse(input);
	if (!parsed.success) {
		const errors: CreatePilotErrors = {};
		for (const issue of parsed.error.issues) {
			const field = issue.path[0] as CreatePilotField;
			errors[field] ??= issue.message as CreatePilotErrorCode;
		}
		return { ok: false, errors };
	}
	return { ok: true, data: { ...parsed.data, slug: parsed.data.slug ?? slugFromName(parsed.data.name).replace(/^bedrijf$/, 'pilot') } };
}
