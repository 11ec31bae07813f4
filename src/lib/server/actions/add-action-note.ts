// A progress note on an action of the firm's plan.
import type { Database } from '../db/client';
import { firmActionNote } from '../db/schema';
import { addActionNoteContextSchema, addActionNoteSchema, type AddActionNoteContext } from './add-action-note.schema';
import { findAction } from './find-action';

export type AddActionNoteResult = { ok: true } | { ok: false; error: 'required' | 'too_long' } | { ok: false; notFound: true };

export async function addActionNote(db: Database, context: AddActionNoteContext, input: { text?: string | null }): Promise<AddActionNoteResult> {
	const ctx = addActionNoteContextSchema.parse(context);
	const action = await findAction(db, ctx.firmId, ctx.actionId);
	if (!action) return { ok: false, notFound: true };
	const parsed = addActionNoteSchema.safeParse(input);
	if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message === 'too_long' ? 'too_long' : 'required' };
	await db.insert(firmActionNote).values({ actionId: action.id, text: parsed.data.text, writtenBy: ctx.userId, writtenOn: ctx.today });
	return { ok: true };
}
