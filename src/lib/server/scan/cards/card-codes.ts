// The codes of a round's card sheet: every code, used or not, always in the same order. A sheet that left
// out used cards would tell an owner who noted who got which card exactly who answered.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roundCard } from '../../db/schema';

export async function roundCardCodes(db: Database, roundId: string): Promise<string[]> {
	const rows = await db.select({ code: roundCard.code }).from(roundCard).where(eq(roundCard.roundId, roundId)).orderBy(asc(roundCard.code));
	return rows.map((r) => r.code);
}
