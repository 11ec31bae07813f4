// Keeps what the team said about one step of the session; saving an empty note removes it.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { sessionNote } from '../db/schema';
import { saveSessionNoteSchema, sessionKeySchema, type SessionKey } from './save-session-note.schema';

export type SaveSessionNoteResult = { ok: true } | { ok: false; error: 'invalid' | 'too_long' };

export async function saveSessionNote(db: Database, key: SessionKey & { userId: string }, input: { step?: string | null; text?: string | null }): Promise<SaveSessionNoteResult> {
	const session = sessionKeySchema.parse(key);
	const parsed = saveSessionNoteSchema.safeParse(input);
	if (!parsed.success) return { ok: false, error: parsed.error.issues.some((i) => i.message === 'too_long') ? 'too_long' : 'invalid' };
	const { step, text } = parsed.data;
	if (text === '') {
		await db.delete(sessionNote).where(and(eq(sessionNote.firmId, session.firmId), roundIs(session.roundId), eq(sessionNote.aspectId, step)));
		return { ok: true };
	}
	await db
		.insert(sessionNote)
		.values({ firmId: session.firmId, roundId: session.roundId, aspectId: step, text, updatedBy: key.userId })
		.onConflictDoUpdate({
			target: [sessionNote.firmId, sessionNote.roundId, sessionNote.aspectId],
			set: { text, updatedBy: key.userId, updatedAt: sql`now()` }
		});
	return { ok: true };
}

export function roundIs(roundId: string | null) {
	return roundId === null ? isNull(sessionNote.roundId) : eq(sessionNote.roundId, roundId);
}

/** The session's notes by step id. */
export async function sessionNotes(db: Database, key: SessionKey): Promise<Record<string, string>> {
	const session = sessionKeySchema.parse(key);
	const rows = await db
		.select({ step: sessionNote.aspectId, text: sessionNote.text })
		.from(sessionNote)
		.where(and(eq(sessionNote.firmId, session.firmId), roundIs(session.roundId)));
	return Object.fromEntries(rows.map((r) => [r.step, r.text]));
}
