// Closing a round for good. Half-filled questionnaires are deleted in the same transaction: once no
// answer can be sent, a draft is only a risk.
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanRound, surveyDraft } from '../../db/schema';
import { forgetCachedRounds } from '../survey/round-cache';
import { roundExists } from './change-round-status';
import { statusesAllowing, type ChangeStatusResult } from './round-status';

export async function closeRound(db: Database, ref: { firmId: string; roundId: string }): Promise<ChangeStatusResult> {
	const result = await db.transaction(async (tx): Promise<ChangeStatusResult> => {
		const [updated] = await tx
			.update(scanRound)
			.set({ status: 'closed', closedAt: new Date() })
			.where(and(eq(scanRound.id, ref.roundId), eq(scanRound.firmId, ref.firmId), inArray(scanRound.status, statusesAllowing('close'))))
			.returning({ status: scanRound.status });
		if (!updated) return (await roundExists(tx, ref)) ? { ok: false, reason: 'not_allowed' } : { ok: false, reason: 'not_found' };
		await tx.delete(surveyDraft).where(eq(surveyDraft.roundId, ref.roundId));
		return { ok: true, status: updated.status };
	});
	if (result.ok) await forgetCachedRounds();
	return result;
}
