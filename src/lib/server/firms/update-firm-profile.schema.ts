// The rules for changing a firm's profile: the same as for a new firm (name, employees, sector, province),
// plus the owner's worry. Kept free of database code so the settings form and the tests check input alike.
import { z } from 'zod';
import { WORRIES } from '../../domain/knowledge/entry';
import { CREATE_FIRM_ERROR_CODES, createFirmSchema, type CreateFirmErrorCode } from './create-firm.schema';

export { WORRIES };

/** The form's choice for "none of these": stored as null, like a worry that was never asked. */
export const NO_WORRY = 'geen';

export const UPDATE_FIRM_PROFILE_FIELDS = ['name', 'employees', 'sector', 'province', 'worry'] as const;
export type UpdateFirmProfileField = (typeof UPDATE_FIRM_PROFILE_FIELDS)[number];
export type UpdateFirmProfileErrors = Partial<Record<UpdateFirmProfileField, CreateFirmErrorCode>>;

export const updateFirmProfileSchema = createFirmSchema.pick({ name: true, employees: true, sector: true, province: true }).extend({
	// A radio group sends nothing when nothing is chosen: that, and "geen", mean no worry.
	worry: z.preprocess(
		(v) => (v === undefined || v === null || v === '' || v === NO_WORRY ? null : v),
		z.enum(WORRIES, { error: 'unknown' }).nullable()
	)
});

export type UpdateFirmProfileData = z.output<typeof updateFirmProfileSchema>;

export interface UpdateFirmProfileInput {
	name: string;
	employees: number | string;
	sector: string;
	province: string;
	worry?: string | null;
}

export function parseUpdateFirmProfileInput(
	input: unknown
): { ok: true; data: UpdateFirmProfileData } | { ok: false; errors: UpdateFirmProfileErrors } {
	const parsed = updateFirmProfileSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: UpdateFirmProfileErrors = {};
	for (const issue of parsed.error.issues) {
		const field = UPDATE_FIRM_PROFILE_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue;
		errors[field] = CREATE_FIRM_ERROR_CODES.find((c) => c === issue.message) ?? 'invalid';
	}
	return { ok: false, errors };
}
