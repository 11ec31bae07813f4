// The finished actions a new round may ask the team about: the firm's actions marked klaar that no earlier
// round of the firm asked about yet. One question per action, once: asked again, the answers of two rounds
// could be subtracted from each other for nothing new.
import { and, asc, eq } from 'drizzle-orm';
import type { FinishedAction } from '../../../domain/followup/followup';
import { followupsOfRound } from '../../../domain/followup/followup';
import type { Database } from '../../db/client';
import { firmAction, scanRound } from '../../db/schema';

export async function offeredFollowupActions(db: Database, firmId: string): Promise<FinishedAction[]> {
	const done = await db
		.select({ id: firmAction.id, title: firmAction.title })
		.from(firmAction)
		.where(and(eq(firmAction.firmId, firmId), eq(firmAction.status, 'klaar')))
		.orderBy(asc(firmAction.doneOn), asc(firmAction.createdAt));
	if (done.length === 0) return [];
	const rounds = await db.select({ followups: scanRound.followups }).from(scanRound).where(eq(scanRound.firmId, firmId));
	const asked = new Set(rounds.flatMap((r) => followupsOfRound(r.followups).map((q) => q.actionId)));
	return done.filter((a) => !asked.has(a.id.toLowerCase()));
}
