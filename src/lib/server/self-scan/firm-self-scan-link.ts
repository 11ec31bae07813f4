// The link a firm hands out to its workers for the self-scan (/self-scan?f=…). The firm learns how many used
// it, in bands of k, and nothing else: a use is a number going up, with no answers, day or kept scan tied to it.
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firmSelfScanLink as linkTable } from '../db/schema';
import { usageBand, type UsageBand } from '../../domain/self-scan/usage-band';
import { firmSelfScanTokenSchema } from './firm-self-scan-link.schema';

/** The firm's link token (made the first time it is asked for) and its use in bands of k. */
export async function firmSelfScanLink(db: Database, firmId: string, k: number): Promise<{ token: string; used: UsageBand }> {
	await db.insert(linkTable).values({ firmId, token: randomBytes(12).toString('base64url') }).onConflictDoNothing({ target: linkTable.firmId });
	const [row] = await db.select({ token: linkTable.token, uses: linkTable.uses }).from(linkTable).where(eq(linkTable.firmId, firmId));
	if (!row) throw new Error('the self-scan link was not stored');
	return { token: row.token, used: usageBand(row.uses, k) };
}

/** Counts one finished self-scan that came through a firm's link; an unknown or malformed token counts nothing. */
export async function countSelfScanUse(db: Database, firmToken: string | null | undefined): Promise<void> {
	const parsed = firmSelfScanTokenSchema.safeParse(firmToken);
	if (!parsed.success) return;
	await db
		.update(linkTable)
		.set({ uses: sql`${linkTable.uses} + 1` })
		.where(eq(linkTable.token, parsed.data));
}
