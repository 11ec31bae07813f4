// The firm's rounds, newest first, with the answer counts the firm page shows.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { scanRound } from '../../db/schema';
import { roundState, type RoundState } from '../../../domain/round-state';
import { responseCounts, type ResponseCounts } from './response-counts';

export interface RoundListItem {
	id: string;
	name: string;
	opensOn: string;
	closesOn: string;
	state: RoundState;
	invited: number;
	/** The adviser who supervises the round, by name; null when the firm runs it itself. */
	supervisorName: string | null;
	counts: ResponseCounts;
}

export async function listRounds(db: Database, firmId: string, today: string): Promise<RoundListItem[]> {
	const rounds = await db
		.select({
			id: scanRound.id,
			name: scanRound.name,
			opensOn: scanRound.opensOn,
			closesOn: scanRound.closesOn,
			status: scanRound.status,
			invited: scanRound.invited,
			supervisorName: scanRound.supervisorName
		})
		.from(scanRound)
		.where(eq(scanRound.firmId, firmId))
		.orderBy(desc(scanRound.opensOn), desc(scanRound.createdAt));
	const counts = await responseCounts(
		db,
		rounds.map((r) => r.id)
	);
	return rounds.map(({ status, ...round }) => ({
		...round,
		state: roundState({ status, opensOn: round.opensOn, closesOn: round.closesOn }, today),
		counts: counts.get(round.id)!
	}));
}
