// Puts new single-use cards on a round. Codes are unique across all rounds, because the card link
// /k/CODE names no round.
import type { Database } from '../../db/client';
import { roundCard } from '../../db/schema';
import { newCardCode } from './codes';

const ATTEMPTS = 5;

/** Adds `count` fresh codes to the round and returns them. Call it inside the caller's transaction. */
export async function insertCards(db: Database, roundId: string, count: number): Promise<string[]> {
	const added: string[] = [];
	for (let attempt = 0; attempt < ATTEMPTS && added.length < count; attempt++) {
		const codes = new Set<string>();
		while (codes.size < count - added.length) codes.add(newCardCode());
		// A clash with an existing code is skipped rather than failing the transaction; the next draw fills the gap.
		const rows = await db
			.insert(roundCard)
			.values([...codes].map((code) => ({ roundId, code })))
			.onConflictDoNothing()
			.returning({ code: roundCard.code });
		added.push(...rows.map((r) => r.code));
	}
	if (added.length < count) throw new Error('No free card codes found');
	return added;
}
