import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind } from '../../../../../tests/helpers/database';
import { useFirmDatabase } from '../../../../../tests/helpers/firm-database';
import { makeRound } from '../../../../../tests/helpers/scan-factories';
import { scanRound } from '../../db/schema';
import { changeRoundStatus } from '../rounds/change-round-status';
import { closeRound } from '../rounds/close-round';
import { findRoundByLinkTokenCached } from './round-cache';

describe(`the survey's round cache (${databaseKind})`, () => {
	const db = useFirmDatabase();

	it("shows the owner's pause, reopen and close at once", async () => {
		const row = await makeRound(db.h.db, db.firmId);
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken))!.status).toBe('open');
		await changeRoundStatus(db.h.db, { firmId: db.firmId, roundId: row.id }, 'pause');
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken))!.status).toBe('paused');
		await changeRoundStatus(db.h.db, { firmId: db.firmId, roundId: row.id }, 'reopen');
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken))!.status).toBe('open');
		await closeRound(db.h.db, { firmId: db.firmId, roundId: row.id });
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken))!.status).toBe('closed');
	});

	it('sees a change made elsewhere (another app server) within five seconds', async () => {
		const row = await makeRound(db.h.db, db.firmId);
		const now = Date.now();
		await findRoundByLinkTokenCached(db.h.db, row.linkToken, now);
		await db.h.db.update(scanRound).set({ status: 'paused' }).where(eq(scanRound.id, row.id));
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken, now + 1_000))!.status).toBe('open');
		expect((await findRoundByLinkTokenCached(db.h.db, row.linkToken, now + 5_001))!.status).toBe('paused');
	});

	it('keeps no unknown link, and refuses what is no token', async () => {
		expect(await findRoundByLinkTokenCached(db.h.db, 'a'.repeat(43))).toBeNull();
		expect(await findRoundByLinkTokenCached(db.h.db, { token: 1 })).toBeNull();
		const row = await makeRound(db.h.db, db.firmId);
		expect(await findRoundByLinkTokenCached(db.h.db, row.linkToken)).not.toBeNull();
	});
});
