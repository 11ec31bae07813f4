// The worker deletes their kept self-scan: the row goes at once, and the link opens nothing after.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { keptSelfScan } from '../db/schema';
import { isKeptSelfScanToken } from './kept-self-scan.schema';
import { tokenHash } from './seal';

/** True when a kept scan was deleted; false when the link held none. */
export async function deleteKeptSelfScan(db: Database, token: string): Promise<boolean> {
	if (!isKeptSelfScanToken(token)) return false;
	const deleted = await db.delete(keptSelfScan).where(eq(keptSelfScan.tokenHash, tokenHash(token))).returning({ tokenHash: keptSelfScan.tokenHash });
	return deleted.length > 0;
}
