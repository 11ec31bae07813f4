// Half-filled questionnaires, kept on the server under the SHA-256 of a random key that only the
// respondent's browser holds (in an HttpOnly cookie). The row holds the answers and nothing else.
import { and, eq, lt } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { surveyDraft } from '../../db/schema';
import { sha256Hex } from './keys';
import { draftAnswersSchema, parseDraftAnswers, type DraftAnswers } from './draft-store.schema';

export { type DraftAnswers } from './draft-store.schema';

/** Drizzle's transaction object offers the same query API as the database. */
type Queryable = Pick<Database, 'select' | 'insert' | 'update' | 'delete'>;

export async function readDraft(db: Queryable, roundId: string, draftKey: string): Promise<DraftAnswers | null> {
	const [row] = await db
		.select({ data: surveyDraft.data })
		.from(surveyDraft)
		.where(and(eq(surveyDraft.keyHash, sha256Hex(draftKey)), eq(surveyDraft.roundId, roundId)))
		.limit(1);
	return row ? parseDraftAnswers(row.data) : null;
}

export async function saveDraft(db: Queryable, roundId: string, draftKey: string, answers: DraftAnswers, today: string): Promise<void> {
	const data = draftAnswersSchema.parse(answers);
	await db
		.insert(surveyDraft)
		.values({ keyHash: sha256Hex(draftKey), roundId, data, updatedOn: today })
		.onConflictDoUpdate({
			target: surveyDraft.keyHash,
			set: { data, updatedOn: today },
			// A key belongs to one round: never let a post for another round overwrite it.
			setWhere: eq(surveyDraft.roundId, roundId)
		});
}

export async function deleteDraft(db: Queryable, roundId: string, draftKey: string): Promise<void> {
	await db.delete(surveyDraft).where(and(eq(surveyDraft.keyHash, sha256Hex(draftKey)), eq(surveyDraft.roundId, roundId)));
}

/** For when a round closes: its drafts can never be sent, so they go. Returns how many were deleted. */
export async function deleteDraftsOfRound(db: Queryable, roundId: string): Promise<number> {
	const gone = await db.delete(surveyDraft).where(eq(surveyDraft.roundId, roundId)).returning({ keyHash: surveyDraft.keyHash });
	return gone.length;
}

/** Housekeeping: drafts nobody touched since before `day` (YYYY-MM-DD). Returns how many were deleted. */
export async function deleteDraftsUntouchedSince(db: Queryable, day: string): Promise<number> {
	const gone = await db.delete(surveyDraft).where(lt(surveyDraft.updatedOn, day)).returning({ keyHash: surveyDraft.keyHash });
	return gone.length;
}
