import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import { makeCards, makeRound, type RoundRow } from '../../../../../tests/helpers/scan-factories';
import type { DatabaseHandle } from '../../db/client';
import { roundCard } from '../../db/schema';
import { cardIsUnused, findRoundByCardCode, findRoundByLinkToken, findRoundByShortCode, findRoundOfFirm, normalizeCode } from './find-round';

describe('normalizeCode', () => {
	it('ignores case, spaces and dashes as people type them from paper', () => {
		expect(normalizeCode(' ab12-cd 34 ')).toBe('AB12CD34');
	});
});

describe(`finding a round (${databaseKind})`, () => {
	let h: DatabaseHandle;
	let round: RoundRow;
	let firmId: string;
	let cards: string[];
	beforeAll(async () => {
		h = await openTestDatabase();
		const firm = await makeFirm(h.db, { name: 'Garage Jansen' });
		firmId = firm.id;
		round = await makeRound(h.db, firm.id, { teams: ['Werkplaats'], inviteMode: 'cards' });
		cards = await makeCards(h.db, round.id, 3);
		await h.db.update(roundCard).set({ usedOn: '2025-03-03' }).where(eq(roundCard.code, cards[2]!));
	});
	afterAll(async () => {
		await h.close();
	});

	it('by link token, with the firm name and what the survey needs', async () => {
		const found = await findRoundByLinkToken(h.db, round.linkToken);
		expect(found).toMatchObject({ id: round.id, firmName: 'Garage Jansen', teams: ['Werkplaats'], inviteMode: 'cards', threshold: 5, openAnswersVerbatim: false });
	});

	it('gives null for unknown, malformed or missing tokens', async () => {
		for (const token of [`${round.linkToken}x`, 'short', "' or 1=1 --", '', undefined, 42, 'a'.repeat(500)]) {
			expect(await findRoundByLinkToken(h.db, token)).toBeNull();
		}
	});

	it('by short code, however it is typed', async () => {
		expect((await findRoundByShortCode(h.db, round.shortCode.toLowerCase()))?.id).toBe(round.id);
		expect(await findRoundByShortCode(h.db, 'ZZZZ9999')).toBeNull();
		expect(await findRoundByShortCode(h.db, '!!')).toBeNull();
	});

	it('by an unused card code; a used and an unknown code give the same null', async () => {
		const typed = `${cards[0]!.slice(0, 5).toLowerCase()}-${cards[0]!.slice(5)}`;
		expect(await findRoundByCardCode(h.db, typed)).toMatchObject({ round: { id: round.id }, code: cards[0] });
		expect(await findRoundByCardCode(h.db, cards[2])).toBeNull();
		expect(await findRoundByCardCode(h.db, 'QQQQQQQQQQ')).toBeNull();
		expect(await cardIsUnused(h.db, round.id, cards[1]!)).toBe(true);
		expect(await cardIsUnused(h.db, round.id, cards[2]!)).toBe(false);
	});

	it('of a firm by id, only for that firm', async () => {
		expect((await findRoundOfFirm(h.db, firmId, round.id))?.id).toBe(round.id);
		const other = await makeFirm(h.db);
		expect(await findRoundOfFirm(h.db, other.id, round.id)).toBeNull();
		expect(await findRoundOfFirm(h.db, firmId, 'not-a-uuid')).toBeNull();
	});
});
