// Attack: an owner notes who got which card, then downloads the card sheet again after answers came in.
// If the second sheet leaves out used codes (or the round page tells how many are left), the owner learns
// who answered. Every download must print every code of the round, used or not, in the same order, and
// nothing the firm sees may change with one card's use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../e2e/support/http-client';
import { startSeededServer, type SeededServer } from '../e2e/support/seeded-server';
import { makeFirm } from '../helpers/factories';
import { makeCards, makeRound, makeSignInUser } from '../helpers/scan-factories';
import type { Database } from '../../src/lib/server/db/client';
import { codesOnSheet, PASSWORD, pdfOf, respond, signIn, someAnswers } from './support';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@kaartjes.example', PASSWORD, 'Olga Eigenaar');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij Kaartjes' });
	const round = await makeRound(db, firm.id, { name: 'Met kaartjes', inviteMode: 'cards', invited: 8 });
	const codes = await makeCards(db, round.id, 8);
	return { owner, firm, round, codes };
}

let server: SeededServer<Awaited<ReturnType<typeof seed>>>;
let s: Awaited<ReturnType<typeof seed>>;
let owner: HttpSession;

beforeAll(async () => {
	server = await startSeededServer(seed);
	s = server.seeded;
	owner = await signIn(server.baseUrl, s.owner.email);
});
afterAll(async () => {
	await server?.close();
});

const sheetUrl = () => `/firms/${s.firm.slug}/rounds/${s.round.id}/cards.pdf`;
const roundUrl = () => `/firms/${s.firm.slug}/rounds/${s.round.id}`;
const cardsSection = (page: string) => page.match(/<section[^>]*aria-labelledby="cards-title"[\s\S]*?<\/section>/)?.[0] ?? '';

describe('downloading the card sheet around a card’s use', () => {
	it('prints the same codes in the same order before and after a card was used', async () => {
		const before = codesOnSheet(await pdfOf(await owner.get(sheetUrl())));
		expect([...before].sort()).toEqual([...s.codes].sort());
		const pageBefore = cardsSection(await (await owner.get(roundUrl())).text());

		// One employee uses the third card on the sheet.
		const respondent = new HttpSession(server.baseUrl);
		const entered = await respondent.get(`/k/${before[2]}`);
		expect(entered.status).toBe(303);
		await respond(server.baseUrl, s.round.linkToken, someAnswers(1), respondent);

		const after = codesOnSheet(await pdfOf(await owner.get(sheetUrl())));
		expect(after).toEqual(before);
		// The card part of the round page says nothing that changed with that one use.
		expect(cardsSection(await (await owner.get(roundUrl())).text())).toEqual(pageBefore);
	});

	it('a used card still cannot be used again', async () => {
		const sheet = codesOnSheet(await pdfOf(await owner.get(sheetUrl())));
		const again = await new HttpSession(server.baseUrl).get(`/k/${sheet[2]}`);
		expect(again.status).not.toBe(303);
	});
});
