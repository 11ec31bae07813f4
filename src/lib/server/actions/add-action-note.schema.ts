// A short progress note on an action: one or two sentences, so the plan stays readable.
import { z } from 'zod';
import { NOTE_MAX_LENGTH } from './action-form.schema';

export const addActionNoteSchema = z.object({
	text: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(NOTE_MAX_LENGTH, { error: 'too_long' })
});

export const addActionNoteContextSchema = z.object({
	firmId: z.uuid(),
	actionId: z.string(),
	userId: z.string().min(1),
	today: z.iso.date()
});
export type AddActionNoteContext = z.input<typeof addActionNoteContextSchema>;
