// Opens a kept self-scan with its private link: found by the token's hash, opened with the key inside it.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { keptSelfScan } from '../db/schema';
import type { SelfScanAnswers } from '../../domain/self-scan/questionnaire';
import { isKeptSelfScanToken } from './kept-self-scan.schema';
import { openSelfScan, tokenHash } from './seal';

/** The answers and the day they were kept, or null for a link that opens nothing (never kept, or deleted). */
export async function openKeptSelfScan(db: Database, token: string): Promise<{ answers: SelfScanAnswers; keptOn: string } | null> {
	if (!isKeptSelfScanToken(token)) return null;
	const [row] = await db.select().from(keptSelfScan).where(eq(keptSelfScan.tokenHash, tokenHash(token)));
	if (!row) return null;
	const answers = openSelfScan(token, row);
	return answers ? { answers, keptOn: row.keptOn } : null;
}
