// Everything the round page shows: the round's settings, its state today and how many answered.
// Nothing about the answers themselves is read here.
import { and, count, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roundCard, scanRound } from '../../db/schema';
import { roundState, type RoundState } from '../../../domain/round-state';
import { responseCounts, responseRate, type ResponseCounts } from './response-counts';
import { parseRoundId } from './round-ref';

export type ScanRoundRecord = typeof scanRound.$inferSelect;

export interface RoundOverview {
	round: ScanRoundRecord;
	state: RoundState;
	counts: ResponseCounts;
	/** Percentage of those invited who answered, at most 100; null for an imported round (nobody was invited). */
	rate: number | null;
	/** At least k employees answered: the report can show employee results. */
	enoughForReport: boolean;
	/** The firm has fewer than k employees: no anonymous report will ever come of this round. */
	firmTooSmall: boolean;
	/** Cards printed for the round; how many were used is never shown, nor which (see card-codes.ts). */
	cards: { total: number };
}

/** The round of this firm, or null when there is none with that id (or it belongs to another firm). */
export async function findFirmRound(db: Database, firmId: string, roundId: unknown): Promise<ScanRoundRecord | null> {
	const id = parseRoundId(roundId);
	if (!id) return null;
	const [found] = await db
		.select()
		.from(scanRound)
		.where(and(eq(scanRound.id, id), eq(scanRound.firmId, firmId)))
		.limit(1);
	return found ?? null;
}

export async function roundOverview(
	db: Database,
	firm: { id: string; employees: number },
	roundId: unknown,
	today: string
): Promise<RoundOverview | null> {
	const round = await findFirmRound(db, firm.id, roundId);
	if (!round) return null;
	const counts = (await responseCounts(db, [round.id])).get(round.id)!;
	const [cards] = await db
		.select({ total: count() })
		.from(roundCard)
		.where(eq(roundCard.roundId, round.id));
	return {
		round,
		state: roundState(round, today),
		counts,
		rate: round.origin === 'imported' ? null : responseRate(counts.employee, round.invited),
		enoughForReport: counts.employee >= round.threshold,
		firmTooSmall: firm.employees < round.threshold,
		cards: { total: Number(cards?.total ?? 0) }
	};
}
