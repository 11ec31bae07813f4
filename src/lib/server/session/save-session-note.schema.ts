// What the team said about one step of the follow-up session, as the note taker wrote it down.
import { z } from 'zod';
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import { QUESTIONS_STEP, WELL_STEP } from '../../domain/session/steps';

export const SESSION_NOTE_MAX_LENGTH = 2000;

/** Notes belong to the aspects and to the two talking steps around them; choosing actions has none. */
export const NOTE_STEPS = [WELL_STEP, ...ASPECT_IDS, QUESTIONS_STEP] as const;

export const saveSessionNoteSchema = z.object({
	step: z.enum(NOTE_STEPS, { error: 'invalid' }),
	// Empty is allowed: clearing the field removes the note.
	text: z.preprocess((v) => v ?? '', z.string().trim().max(SESSION_NOTE_MAX_LENGTH, { error: 'too_long' }))
});

export const sessionKeySchema = z.object({
	firmId: z.uuid(),
	/** null: the conversation of a firm without an anonymous report. */
	roundId: z.uuid().nullable()
});
export type SessionKey = z.input<typeof sessionKeySchema>;
