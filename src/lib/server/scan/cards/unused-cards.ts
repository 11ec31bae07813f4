// The codes still to hand out: a printed sheet leaves out cards that were already used.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roundCard } from '../../db/schema';

export async function unusedCardCodes(db: Database, roundId: string): Promise<string[]> {
	const rows = await db
		.select({ code: roundCard.code })
		.from(roundCard)
		.where(and(eq(roundCard.roundId, roundId), isNull(roundCard.usedOn)))
		.orderBy(asc(roundCard.code));
	return rows.map((r) => r.code);
}
