import type { Database } from '../../db/client';
import { changeRoundStatus } from './change-round-status';
import type { ChangeStatusResult } from './round-status';

/** Takes answers again after a pause. A closed round cannot be reopened. */
export function reopenRound(db: Database, ref: { firmId: string; roundId: string }): Promise<ChangeStatusResult> {
	return changeRoundStatus(db, ref, 'reopen');
}
