// The rules for an action in the plan, shared by creating and editing, free of database code so the form,
// the session and the tests check input the same way. Each problem is a stable code per field; the caller
// turns it into a sentence (action-errors.ts).
import { z } from 'zod';
import { ACTION_STATUSES } from '../../domain/actions/action';
import { ASPECT_IDS, SLUG_PATTERN } from '../../domain/knowledge/entry';

export const TITLE_MAX_LENGTH = 120;
export const WHY_MAX_LENGTH = 1000;
export const ASSIGNEE_MAX_LENGTH = 80;
export const NOTE_MAX_LENGTH = 500;

export const ACTION_FIELDS = ['title', 'why', 'aspectId', 'entrySlug', 'assigneeUserId', 'assigneeName', 'startsOn', 'dueOn', 'status'] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];
export const ACTION_ERROR_CODES = ['required', 'too_long', 'invalid', 'invalid_date', 'due_before_start', 'unknown_entry', 'not_a_member'] as const;
export type ActionErrorCode = (typeof ACTION_ERROR_CODES)[number];
export type ActionErrors = Partial<Record<ActionField, ActionErrorCode>>;

const blank = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const isoDay = z.preprocess(
	blank,
	z
		.string({ error: 'invalid_date' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invalid_date' })
		.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: 'invalid_date' })
		.optional()
);

export const actionFormSchema = z
	.object({
		title: z
			.string({ error: 'required' })
			.trim()
			.min(1, { error: 'required' })
			.max(TITLE_MAX_LENGTH, { error: 'too_long' }),
		why: z.preprocess((v) => v ?? '', z.string({ error: 'invalid' }).trim().max(WHY_MAX_LENGTH, { error: 'too_long' })),
		aspectId: z.preprocess(blank, z.enum(ASPECT_IDS, { error: 'invalid' }).optional()),
		entrySlug: z.preprocess(blank, z.string({ error: 'unknown_entry' }).trim().regex(SLUG_PATTERN, { error: 'unknown_entry' }).optional()),
		assigneeUserId: z.preprocess(blank, z.string({ error: 'not_a_member' }).trim().max(200, { error: 'not_a_member' }).optional()),
		assigneeName: z.preprocess(blank, z.string({ error: 'invalid' }).trim().max(ASSIGNEE_MAX_LENGTH, { error: 'too_long' }).optional()),
		startsOn: isoDay,
		dueOn: isoDay,
		status: z.preprocess((v) => blank(v) ?? 'niet-gestart', z.enum(ACTION_STATUSES, { error: 'invalid' }))
	})
	.superRefine((data, ctx) => {
		if (data.startsOn && data.dueOn && data.dueOn < data.startsOn) ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'due_before_start' });
	});

export type ActionFormData = z.output<typeof actionFormSchema>;

/** What callers may pass: form text or typed values. */
export type ActionFormInput = Partial<Record<ActionField, string | null>>;

export function parseActionForm(input: unknown): { ok: true; data: ActionFormData } | { ok: false; errors: ActionErrors } {
	const parsed = actionFormSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors = errorsOf(parsed.error.issues, ACTION_FIELDS, ACTION_ERROR_CODES);
	// The order of the days is checked only once every field parses; say it now too, so one round of fixing does.
	const days = z.object({ startsOn: isoDay, dueOn: isoDay }).safeParse(input);
	if (!errors.dueOn && days.success && days.data.startsOn && days.data.dueOn && days.data.dueOn < days.data.startsOn) errors.dueOn = 'due_before_start';
	return { ok: false, errors };
}

/** The first problem per field, as a stable code: the one to fix first. */
export function errorsOf<F extends string, C extends string>(
	issues: readonly { path: readonly PropertyKey[]; message: string }[],
	fields: readonly F[],
	codes: readonly C[]
): Partial<Record<F, C>> {
	const errors: Partial<Record<F, C>> = {};
	for (const issue of issues) {
		const field = fields.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue;
		errors[field] = codes.find((c) => c === issue.message) ?? codes.find((c) => c === 'invalid');
	}
	return errors;
}

/** A form's text fields as the schema's input (a missing field stays missing). */
export function actionFormInput(form: FormData): ActionFormInput {
	const input: ActionFormInput = {};
	for (const field of ACTION_FIELDS) {
		const value = form.get(field);
		if (typeof value === 'string') input[field] = value;
	}
	return input;
}
