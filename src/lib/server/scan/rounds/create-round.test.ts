import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../../db/client';
import { roundCard, scanRound } from '../../db/schema';
import { CARD_CODE_LENGTH, CODE_ALPHABET, SHORT_CODE_LENGTH } from './codes';
import { createRound, MIN_THRESHOLD } from './create-round';

describe(`createRound (${databaseKind})`, () => {
	// One database for the file: every test makes firms of its own, so they do not see each other's rows.
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h.close();
	});

	const today = '2025-03-03';

	it('stores a round with an unguessable link, a short code, the threshold and the defaults', async () => {
		const firm = await makeFirm(h.db, { employees: 14 });
		const result = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Voorjaar 2025', teams: 'Winkel\nBakkerij' } });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		const [stored] = await h.db.select().from(scanRound).where(eq(scanRound.id, result.round.id));
		expect(stored).toMatchObject({
			firmId: firm.id,
			name: 'Voorjaar 2025',
			instrumentVersion: 'v1',
			opensOn: '2025-03-03',
			closesOn: '2025-03-24',
			invited: 14,
			teams: ['Winkel', 'Bakkerij'],
			status: 'open',
			inviteMode: 'link',
			threshold: 5,
			openAnswersVerbatim: false
		});
		expect(Buffer.from(stored!.linkToken, 'base64url')).toHaveLength(32);
		expect(stored!.shortCode).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`));
		expect(await h.db.select().from(roundCard).where(eq(roundCard.roundId, stored!.id))).toEqual([]);
	});

	it('never stores a threshold below three', async () => {
		const firm = await makeFirm(h.db);
		const result = await createRound(h.db, { firm, threshold: 1, today, input: { name: 'Laag' } });
		expect(result.ok && result.round.threshold).toBe(MIN_THRESHOLD);
	});

	it('makes the cards with the round, each code unique and unused', async () => {
		const firm = await makeFirm(h.db, { employees: 40 });
		const result = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Met kaartjes', cards: 120 } });
		if (!result.ok) throw new Error(JSON.stringify(result.errors));
		expect(result.round.inviteMode).toBe('cards');
		const cards = await h.db.select().from(roundCard).where(eq(roundCard.roundId, result.round.id));
		expect(cards).toHaveLength(120);
		expect(new Set(cards.map((c) => c.code)).size).toBe(120);
		for (const card of cards) {
			expect(card.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CARD_CODE_LENGTH}}$`));
			expect(card.usedOn).toBeNull();
		}
	});

	it('refuses a name the firm already uses, whatever the capitals, but not another firm’s', async () => {
		const firm = await makeFirm(h.db);
		const other = await makeFirm(h.db);
		expect((await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Voorjaar' } })).ok).toBe(true);
		expect(await createRound(h.db, { firm, threshold: 5, today, input: { name: 'voorjaar', cards: 5 } })).toEqual({ ok: false, errors: { name: 'taken' } });
		expect((await createRound(h.db, { firm: other, threshold: 5, today, input: { name: 'Voorjaar' } })).ok).toBe(true);
		// nothing of the refused round was stored, not even its cards
		const rounds = await h.db.select().from(scanRound).where(eq(scanRound.firmId, firm.id));
		expect(rounds).toHaveLength(1);
		expect(await h.db.select().from(roundCard).where(eq(roundCard.roundId, rounds[0]!.id))).toEqual([]);
	});

	it('refuses bad input without storing anything', async () => {
		const firm = await makeFirm(h.db, { employees: 3 });
		const result = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Te veel', invited: 31, opensOn: '2025-03-10', closesOn: '2025-03-01' } });
		expect(result).toEqual({ ok: false, errors: { closesOn: 'closes_before_opens', invited: 'more_than_staff' } });
		expect(await h.db.select().from(scanRound).where(eq(scanRound.firmId, firm.id))).toEqual([]);
	});

	it('names a taken name together with the other problems', async () => {
		const firm = await makeFirm(h.db);
		await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Najaar' } });
		expect(await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Najaar', cards: 600 } })).toEqual({ ok: false, errors: { name: 'taken', cards: 'too_many' } });
	});

	it('lets a firm smaller than k start a round', async () => {
		const firm = await makeFirm(h.db, { employees: 2 });
		const result = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Klein' } });
		expect(result.ok && result.round.invited).toBe(2);
	});
});
