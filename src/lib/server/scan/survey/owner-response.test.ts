import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../../tests/helpers/factories';
import { makeRound } from '../../../../../tests/helpers/scan-factories';
import type { DatabaseHandle } from '../../db/client';
import { scanResponse } from '../../db/schema';
import { findRoundByLinkToken, type SurveyRound } from './find-round';
import { readOwnerResponse, saveOwnerResponse } from './owner-response';

const today = new Date().toISOString().slice(0, 10);

describe(`the owner's own response (${databaseKind})`, () => {
	let h: DatabaseHandle;
	let firmId: string;
	let owner: { id: string; name: string; email: string };
	let manager: { id: string; name: string; email: string };
	beforeAll(async () => {
		h = await openTestDatabase();
		owner = await makeUser(h.db);
		manager = await makeUser(h.db);
		firmId = (await makeFirm(h.db, { ownerId: owner.id })).id;
	});
	afterAll(async () => {
		await h.close();
	});

	async function round(overrides: Parameters<typeof makeRound>[2] = {}): Promise<SurveyRound> {
		const row = await makeRound(h.db, firmId, overrides);
		return (await findRoundByLinkToken(h.db, row.linkToken))!;
	}
	const responsesOf = (r: SurveyRound) => h.db.select().from(scanResponse).where(eq(scanResponse.roundId, r.id));

	it('stores the owner perspective, and replaces it when the same person fills in again', async () => {
		const r = await round();
		expect(await readOwnerResponse(h.db, r, owner.id)).toBeNull();
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '5', open_improve: 'Meer overleg' }, today })).toEqual({ ok: true, replaced: false });
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '3', werk_2: '4' }, today })).toEqual({ ok: true, replaced: true });
		const rows = await responsesOf(r);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ perspective: 'owner', submittedOn: today, open: { open_strength: null, open_improve: null } });
		expect(rows[0]!.answers).toMatchObject({ werk_1: 3, werk_2: 4, werk_3: null });
		expect(await readOwnerResponse(h.db, r, owner.id)).toEqual({ answers: { werk_1: '3', werk_2: '4' }, submittedOn: today });
	});

	it('keeps each manager apart, and stores no user id, name or e-mail with the response', async () => {
		const r = await round();
		await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '5' }, today });
		await saveOwnerResponse(h.db, { round: r, userId: manager.id, posted: { werk_1: '2' }, today });
		const rows = await responsesOf(r);
		expect(rows.map((x) => x.answers.werk_1).sort()).toEqual([2, 5]);
		const text = JSON.stringify(rows);
		for (const person of [owner, manager]) for (const value of [person.id, person.name, person.email]) expect(text).not.toContain(value);
		expect((await readOwnerResponse(h.db, r, manager.id))?.answers).toEqual({ werk_1: '2' });
		// another round of the same owner is a different response
		const next = await round();
		expect(await readOwnerResponse(h.db, next, owner.id)).toBeNull();
	});

	it('refuses bad values, background questions and an empty form, and a closed round', async () => {
		const r = await round();
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '6' }, today })).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '4', team: 'A' }, today })).toMatchObject({ ok: false, reason: 'invalid' });
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { open_strength: 'x'.repeat(2001) }, today })).toMatchObject({
			ok: false,
			reason: 'invalid',
			issues: [{ field: 'open_strength', code: 'open_too_long' }]
		});
		expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: {}, today })).toEqual({ ok: false, reason: 'nothing_answered' });
		const closed = await round({ status: 'closed' });
		expect(await saveOwnerResponse(h.db, { round: closed, userId: owner.id, posted: { werk_1: '4' }, today })).toEqual({ ok: false, reason: 'closed' });
		expect([...(await responsesOf(r)), ...(await responsesOf(closed))]).toEqual([]);
	});

	it('lets the owner fill in while the round is paused or not open yet', async () => {
		for (const overrides of [{ status: 'paused' as const }, { opensOn: '2999-01-01', closesOn: '2999-02-01' }]) {
			const r = await round(overrides);
			expect(await saveOwnerResponse(h.db, { round: r, userId: owner.id, posted: { werk_1: '4' }, today })).toEqual({ ok: true, replaced: false });
		}
	});
});
