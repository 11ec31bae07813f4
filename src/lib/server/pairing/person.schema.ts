// A colleague as recorded for master and apprentice: by the owner or a co-manager, or by the colleague through the
// firm's link. Labels are typed as comma-separated text; each problem is a code the page turns into a sentence.
import { z } from 'zod';
import { MAX_LABEL_LENGTH, MAX_LABELS, parseLabels } from '../../domain/pairing/labels';

export const NAME_MAX_LENGTH = 100;
export const MAX_CAPACITY = 5;

const labels = z.preprocess(
	(v) => parseLabels(typeof v === 'string' ? v : ''),
	z.array(z.string().max(MAX_LABEL_LENGTH, { error: 'label_too_long' })).max(MAX_LABELS, { error: 'too_many_labels' })
);

export const personSchema = z
	.object({
		name: z.string({ error: 'name' }).trim().min(1, { error: 'name' }).max(NAME_MAX_LENGTH, { error: 'name' }),
		email: z.string({ error: 'email' }).trim().toLowerCase().pipe(z.email({ error: 'email' })),
		capacity: z.preprocess((v) => (v === undefined || v === '' ? '1' : v), z.coerce.number({ error: 'capacity' }).int({ error: 'capacity' }).min(1, { error: 'capacity' }).max(MAX_CAPACITY, { error: 'capacity' })),
		teaches: labels,
		learns: labels
	})
	.superRefine((data, ctx) => {
		if (data.teaches.length === 0 && data.learns.length === 0) ctx.addIssue({ code: 'custom', path: ['teaches'], message: 'no_labels' });
	});

export type PersonInput = z.output<typeof personSchema>;
export type PersonErrors = Record<string, string>;

/** The person in a posted form, or a code per field that is wrong. */
export function parsePerson(raw: Record<string, unknown>): { ok: true; data: PersonInput } | { ok: false; errors: PersonErrors } {
	const parsed = personSchema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: PersonErrors = {};
	for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
	return { ok: false, errors };
}

export const logEntrySchema = z.object({
	day: z.iso.date({ error: 'day' }),
	what: z.string({ error: 'what' }).trim().min(1, { error: 'what' }).max(120, { error: 'what' }),
	note: z.preprocess((v) => v ?? '', z.string().trim().max(500, { error: 'note' }))
});
export type LogEntryInput = z.output<typeof logEntrySchema>;
