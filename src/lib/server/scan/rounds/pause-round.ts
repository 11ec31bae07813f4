import type { Database } from '../../db/client';
import { changeRoundStatus } from './change-round-status';
import type { ChangeStatusResult } from './round-status';

/** Stops answers for a while, e.g. while the owner fixes the team list; drafts stay so nobody loses work. */
export function pauseRound(db: Database, ref: { firmId: string; roundId: string }): Promise<ChangeStatusResult> {
	return changeRoundStatus(db, ref, 'pause');
}
