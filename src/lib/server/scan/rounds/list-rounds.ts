// The firm's rounds, newest first, with the answer counts the firm page shows.
import { desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { reportVersion, scanRound } from '../../db/schema';
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
	origin: 'collected' | 'imported';
	counts: ResponseCounts;
	/** Employee responses in the latest published version; null before the first. Never the live count. */
	publishedResponses: number | null;
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
			supervisorName: scanRound.supervisorName,
			origin: scanRound.origin
		})
		.from(scanRound)
		.where(eq(scanRound.firmId, firmId))
		.orderBy(desc(scanRound.opensOn), desc(scanRound.createdAt));
	const counts = await responseCounts(
		db,
		rounds.map((r) => r.id)
	);
	const published = await publishedResponses(db, rounds.map((r) => r.id));
	return rounds.map(({ status, ...round }) => ({
		...round,
		state: roundState({ status, opensOn: round.opensOn, closesOn: round.closesOn }, today),
		counts: counts.get(round.id)!,
		publishedResponses: published.get(round.id) ?? null
	}));
}

/** Per round, the employee responses of its latest published version. */
async function publishedResponses(db: Database, roundIds: readonly string[]): Promise<Map<string, number>> {
	const latest = new Map<string, { version: number; responses: number }>();
	if (roundIds.length === 0) return new Map();
	const rows = await db
		.select({ roundId: reportVersion.roundId, version: reportVersion.version, responses: reportVersion.includedResponses })
		.from(reportVersion)
		.where(inArray(reportVersion.roundId, [...roundIds]));
	for (const row of rows) if ((latest.get(row.roundId)?.version ?? 0) < row.version) latest.set(row.roundId, row);
	return new Map([...latest].map(([id, v]) => [id, v.responses]));
}
