// Pause and reopen: one guarded update, so two clicks at once or a stale page cannot do a change the
// round's current status does not allow.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanRound } from '../../db/schema';
import { forgetCachedRounds } from '../survey/round-cache';
import { statusAfter, statusesAllowing, type ChangeStatusResult, type RoundStatusAction } from './round-status';

export async function changeRoundStatus(
	db: Database,
	ref: { firmId: string; roundId: string },
	action: Exclude<RoundStatusAction, 'close'>
): Promise<ChangeStatusResult> {
	const [updated] = await db
		.update(scanRound)
		.set({ status: statusAfter[action] })
		.where(and(eq(scanRound.id, ref.roundId), eq(scanRound.firmId, ref.firmId), inArray(scanRound.status, statusesAllowing(action))))
		.returning({ status: scanRound.status });
	if (updated) {
		await forgetCachedRounds();
		return { ok: true, status: updated.status };
	}
	return (await roundExists(db, ref)) ? { ok: false, reason: 'not_allowed' } : { ok: false, reason: 'not_found' };
}

export async function roundExists(db: Database, ref: { firmId: string; roundId: string }): Promise<boolean> {
	const found = await db
		.select({ id: scanRound.id })
		.from(scanRound)
		.where(and(eq(scanRound.id, ref.roundId), eq(scanRound.firmId, ref.firmId)))
		.limit(1);
	return found.length > 0;
}
