// One action of one firm, found by its id from a URL: an action of another firm is not found, whatever its id.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { firmAction, firmActionNote, user } from '../db/schema';

export type ActionRecord = typeof firmAction.$inferSelect;

const uuid = z.uuid();

export async function findAction(db: Database, firmId: string, actionId: string): Promise<ActionRecord | null> {
	// A malformed id would make PostgreSQL refuse the query; for a visitor it is an action that is not there.
	if (!uuid.safeParse(actionId).success) return null;
	const [found] = await db
		.select()
		.from(firmAction)
		.where(and(eq(firmAction.firmId, firmId), eq(firmAction.id, actionId)))
		.limit(1);
	return found ?? null;
}

export interface ActionNote {
	id: string;
	text: string;
	writtenOn: string;
	/** null when the account was deleted since. */
	writtenBy: string | null;
}

export async function notesOfAction(db: Database, actionId: string): Promise<ActionNote[]> {
	return db
		.select({ id: firmActionNote.id, text: firmActionNote.text, writtenOn: firmActionNote.writtenOn, writtenBy: user.name })
		.from(firmActionNote)
		.leftJoin(user, eq(user.id, firmActionNote.writtenBy))
		.where(eq(firmActionNote.actionId, actionId))
		.orderBy(asc(firmActionNote.writtenOn), asc(firmActionNote.id));
}
