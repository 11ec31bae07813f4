// Keeps a worker's self-scan when they choose "Bewaren": sealed under a new private link (./seal.ts). The
// row says only on which day it was kept; nothing about a firm, an account or an address.
import type { Database } from '../db/client';
import { keptSelfScan } from '../db/schema';
import type { SelfScanAnswers } from '../../domain/self-scan/questionnaire';
import { keepSelfScanInput } from './keep-self-scan.schema';
import { sealSelfScan } from './seal';

/** The private link's token; the only copy of its key goes back to the worker. */
export async function keepSelfScan(db: Database, answers: SelfScanAnswers, today: string): Promise<{ token: string }> {
	const sealed = sealSelfScan(keepSelfScanInput.parse(answers));
	await db.insert(keptSelfScan).values({ tokenHash: sealed.tokenHash, iv: sealed.iv, ciphertext: sealed.ciphertext, keptOn: today });
	return { token: sealed.token };
}
