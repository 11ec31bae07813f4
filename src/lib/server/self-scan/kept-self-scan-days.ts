// The day each of the given private links was kept, for the list of links a worker's browser remembers; links
// whose scan was deleted are left out. Only the hash is looked up: nothing is opened.
import { inArray } from 'drizzle-orm';
import type { Database } from '../db/client';
import { keptSelfScan } from '../db/schema';
import { isKeptSelfScanToken } from './kept-self-scan.schema';
import { tokenHash } from './seal';

export async function keptSelfScanDays(db: Database, tokens: readonly string[]): Promise<Array<{ token: string; keptOn: string }>> {
	const valid = tokens.filter(isKeptSelfScanToken);
	if (valid.length === 0) return [];
	const rows = await db.select({ tokenHash: keptSelfScan.tokenHash, keptOn: keptSelfScan.keptOn }).from(keptSelfScan).where(inArray(keptSelfScan.tokenHash, valid.map(tokenHash)));
	const dayOf = new Map(rows.map((r) => [r.tokenHash, r.keptOn]));
	return valid.flatMap((token) => {
		const keptOn = dayOf.get(tokenHash(token));
		return keptOn ? [{ token, keptOn }] : [];
	});
}
