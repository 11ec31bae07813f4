import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../../tests/helpers/factories';
import type { FirmRole } from '../../firms/access';
import type { DatabaseHandle } from '../../db/client';
import { roundCard, scanResponse, scanRound, surveyDraft } from '../../db/schema';
import { closeRound } from './close-round';
import { createRound } from './create-round';
import { listRounds } from './list-rounds';
import { pauseRound } from './pause-round';
import { reopenRound } from './reopen-round';
import { findFirmRound, roundOverview } from './round-overview';
import { roundPage } from './round-page';

const today = '2025-03-10';

describe(`round lifecycle (${databaseKind})`, () => {
	// One database for the file: every test makes firms of its own, so they do not see each other's rows.
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h.close();
	});

	async function newRound(options: { employees?: number; cards?: number; name?: string } = {}) {
		const firm = await makeFirm(h.db, { employees: options.employees ?? 10 });
		const result = await createRound(h.db, { firm, threshold: 5, today: '2025-03-03', input: { name: options.name ?? 'Voorjaar', invited: 8, cards: options.cards } });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		return { firm, round: result.round, ref: { firmId: firm.id, roundId: result.round.id } };
	}

	async function addResponses(roundId: string, perspective: 'employee' | 'owner', n: number) {
		for (let i = 0; i < n; i++) await h.db.insert(scanResponse).values({ roundId, perspective, submittedOn: today, answers: { werk_1: 4 } });
	}

	it('pauses, reopens and closes; closing is final and deletes the drafts of that round only', async () => {
		const { ref, round } = await newRound();
		const other = await newRound({ name: 'Ander bedrijf' });
		await h.db.insert(surveyDraft).values([
			{ keyHash: 'a'.repeat(64), roundId: round.id, data: { werk_1: 3 }, updatedOn: today },
			{ keyHash: 'b'.repeat(64), roundId: other.round.id, data: {}, updatedOn: today }
		]);

		expect(await reopenRound(h.db, ref)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await pauseRound(h.db, ref)).toEqual({ ok: true, status: 'paused' });
		expect(await pauseRound(h.db, ref)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await reopenRound(h.db, ref)).toEqual({ ok: true, status: 'open' });
		expect(await pauseRound(h.db, ref)).toEqual({ ok: true, status: 'paused' });
		expect(await closeRound(h.db, ref)).toEqual({ ok: true, status: 'closed' });

		const stored = await findFirmRound(h.db, ref.firmId, ref.roundId);
		expect(stored?.status).toBe('closed');
		expect(stored?.closedAt).toBeInstanceOf(Date);
		const drafts = await h.db.select().from(surveyDraft).where(inArray(surveyDraft.roundId, [round.id, other.round.id]));
		expect(drafts.map((d) => d.roundId)).toEqual([other.round.id]);

		expect(await reopenRound(h.db, ref)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await pauseRound(h.db, ref)).toEqual({ ok: false, reason: 'not_allowed' });
		expect(await closeRound(h.db, ref)).toEqual({ ok: false, reason: 'not_allowed' });
	});

	it('does not touch another firm’s round', async () => {
		const a = await newRound({ name: 'A' });
		const b = await newRound({ name: 'B' });
		const crossed = { firmId: b.firm.id, roundId: a.round.id };
		expect(await pauseRound(h.db, crossed)).toEqual({ ok: false, reason: 'not_found' });
		expect(await closeRound(h.db, crossed)).toEqual({ ok: false, reason: 'not_found' });
		expect(await findFirmRound(h.db, b.firm.id, a.round.id)).toBeNull();
		expect(await findFirmRound(h.db, a.firm.id, 'not-a-uuid')).toBeNull();
		const [stored] = await h.db.select().from(scanRound).where(eq(scanRound.id, a.round.id));
		expect(stored?.status).toBe('open');
	});

	it('counts employee and owner responses apart, with the rate of those invited', async () => {
		const { firm, round } = await newRound();
		await addResponses(round.id, 'employee', 3);
		await addResponses(round.id, 'owner', 1);
		const overview = await roundOverview(h.db, firm, round.id, today);
		expect(overview).toMatchObject({ state: 'open', counts: { employee: 3, owner: 1 }, rate: 38, enoughForReport: false, firmTooSmall: false, cards: { total: 0 } });
		await addResponses(round.id, 'employee', 2);
		expect(await roundOverview(h.db, firm, round.id, today)).toMatchObject({ counts: { employee: 5, owner: 1 }, rate: 63, enoughForReport: true });
		expect(await roundOverview(h.db, firm, round.id, '2025-03-25')).toMatchObject({ state: 'closed' });
	});

	it('never gives a rate above 100%, and none for a round made by an import', async () => {
		const { firm, round } = await newRound();
		await addResponses(round.id, 'employee', 10);
		expect(await roundOverview(h.db, firm, round.id, today)).toMatchObject({ counts: { employee: 10 }, rate: 100 });
		await h.db.update(scanRound).set({ origin: 'imported' }).where(eq(scanRound.id, round.id));
		expect(await roundOverview(h.db, firm, round.id, today)).toMatchObject({ counts: { employee: 10 }, rate: null });
	});

	it('says plainly when a firm is too small for an anonymous report', async () => {
		const { firm, round } = await newRound({ employees: 4 });
		expect(await roundOverview(h.db, firm, round.id, today)).toMatchObject({ firmTooSmall: true });
	});

	it('counts the cards, and says nothing that changes when one is used', async () => {
		const { firm, round } = await newRound({ cards: 6 });
		const before = await roundOverview(h.db, firm, round.id, today);
		const [card] = await h.db.select().from(roundCard).where(eq(roundCard.roundId, round.id)).limit(1);
		await h.db.update(roundCard).set({ usedOn: today }).where(eq(roundCard.code, card!.code));
		const after = await roundOverview(h.db, firm, round.id, today);
		expect(after?.cards).toEqual({ total: 6 });
		expect(after?.cards).toEqual(before?.cards);
	});

	it('a supervised round: only its adviser holds the link and cards; the firm sees who supervises', async () => {
		const firm = await makeFirm(h.db, { employees: 10 });
		const adviser = await makeUser(h.db, { name: 'Ada Adviseur' });
		const other = await makeUser(h.db);
		const created = await createRound(h.db, { firm, threshold: 5, today, supervisor: { id: adviser.id, name: adviser.name }, input: { name: 'Begeleid', cards: 3 } });
		if (!created.ok) throw new Error('no round');
		const page = (role: FirmRole, userId: string) => roundPage(h.db, { firm, viewer: { role, userId }, roundId: created.round.id, today, origin: 'http://localhost:3000', locale: 'nl' });
		const held = await page('adviser', adviser.id);
		expect(held?.invite).toMatchObject({ mode: 'cards', cards: { total: 3 } });
		expect(held?.supervisor).toEqual({ name: 'Ada Adviseur', isYou: true });
		for (const [role, userId] of [['owner', other.id], ['manager', other.id], ['adviser', other.id]] as const) {
			const seen = await page(role, userId);
			expect(seen?.invite, role).toBeNull();
			expect(seen?.canImport, role).toBe(false);
			expect(seen?.supervisor).toEqual({ name: 'Ada Adviseur', isYou: false });
		}
		// The owner's own round: the owner and co-managers hold it, no adviser does.
		const own = await newRound({ name: 'Eigen' });
		const ownPage = (role: FirmRole) => roundPage(h.db, { firm: own.firm, viewer: { role, userId: other.id }, roundId: own.round.id, today, origin: 'http://localhost:3000', locale: 'nl' });
		expect((await ownPage('owner'))?.invite).toMatchObject({ mode: 'link' });
		expect((await ownPage('manager'))?.supervisor).toBeNull();
		expect((await ownPage('adviser'))?.invite).toBeNull();
	});

	it('lists a firm’s rounds, newest first, with counts and state', async () => {
		const firm = await makeFirm(h.db, { employees: 10 });
		const first = await createRound(h.db, { firm, threshold: 5, today: '2024-09-01', input: { name: 'Najaar 2024', opensOn: '2024-09-01', closesOn: '2024-09-21' } });
		const second = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Voorjaar 2025' } });
		if (!first.ok || !second.ok) throw new Error('rounds not created');
		await addResponses(first.round.id, 'employee', 2);
		await pauseRound(h.db, { firmId: firm.id, roundId: second.round.id });
		const other = await makeFirm(h.db);
		await createRound(h.db, { firm: other, threshold: 5, today, input: { name: 'Niet van ons' } });
		const rounds = await listRounds(h.db, firm.id, today);
		expect(rounds.map((r) => [r.name, r.state, r.counts.employee])).toEqual([
			['Voorjaar 2025', 'paused', 0],
			['Najaar 2024', 'closed', 2]
		]);
	});
});
