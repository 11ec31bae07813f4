// Attack: an owner pads a round with answers of their own (through the link, the cards or an import) and
// subtracts them from the report. A supervised round is started and held by an adviser with the firm's
// consent: only that adviser has the link, the poster and the cards; the owner and co-managers see the
// status and the report, get 404 on every invitation download, cannot import into the round and cannot
// send answers as an employee from their signed-in browser. The report says who supervised it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { HttpSession } from '../e2e/support/http-client';
import { startSeededServer, type SeededServer } from '../e2e/support/seeded-server';
import { makeFirm } from '../helpers/factories';
import { makeSignInUser } from '../helpers/scan-factories';
import { adviserGrant, firmMember, scanResponse } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import { pdfPlainText } from '../helpers/pdf-text';
import { answerOnePage, codesOnSheet, PASSWORD, pdfOf, respond, signIn, someAnswers } from './support';

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, PASSWORD, name);
	const owner = await person('olga@begeleid.example', 'Olga Eigenaar');
	const manager = await person('cor@begeleid.example', 'Cor Collega');
	const adviser = await person('ada@advies.example', 'Ada Adviseur');
	const otherAdviser = await person('bas@advies.example', 'Bas Tweede Adviseur');
	const outsider = await person('nina@elders.example', 'Nina Buiten');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Installatiebedrijf Begeleid', employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: otherAdviser.id, kind: 'coach', grantedBy: owner.id });
	return { owner, manager, adviser, otherAdviser, outsider, firm };
}

type Who = 'owner' | 'manager' | 'adviser' | 'otherAdviser' | 'outsider';
let server: SeededServer<Awaited<ReturnType<typeof seed>>>;
let s: Awaited<ReturnType<typeof seed>>;
const as = {} as Record<Who, HttpSession>;
let linkRound: string, cardRound: string, linkToken: string, cardCodes: string[];

const roundIdFrom = (res: Response) => {
	const id = (res.headers.get('location') ?? '').match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
	if (res.status !== 303 || !id) throw new Error(`expected a redirect to the new round, got ${res.status}`);
	return id;
};
const start = (fields: Record<string, string>) =>
	as.adviser.post(`/firms/${s.firm.slug}/rounds/new`, { opensOn: '', closesOn: '', invited: '', teams: '', inviteMode: 'link', cards: '', ...fields });
const base = (round: string) => `/firms/${s.firm.slug}/rounds/${round}`;
const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');

beforeAll(async () => {
	server = await startSeededServer(seed);
	s = server.seeded;
	for (const who of ['owner', 'manager', 'adviser', 'otherAdviser', 'outsider'] as const) as[who] = await signIn(server.baseUrl, s[who].email);
});
afterAll(async () => {
	await server?.close();
});

describe('the adviser who supervises', () => {
	it('starts a round with a link and one with cards for the firm', async () => {
		const form = await as.adviser.get(`/firms/${s.firm.slug}/rounds/new`);
		expect(form.status).toBe(200);
		linkRound = roundIdFrom(await start({ name: 'Begeleid voorjaar' }));
		cardRound = roundIdFrom(await start({ name: 'Begeleid met kaartjes', inviteMode: 'cards', cards: '6', invited: '6' }));
	});

	it('holds the link, the poster and the cards', async () => {
		const page = await text(await as.adviser.get(base(linkRound)));
		linkToken = page.match(/\/s\/([A-Za-z0-9_-]{43})/)?.[1] ?? '';
		expect(linkToken).not.toBe('');
		expect(page).toContain('poster.pdf');
		expect((await as.adviser.get(`${base(linkRound)}/poster.pdf`)).status).toBe(200);
		cardCodes = codesOnSheet(await pdfOf(await as.adviser.get(`${base(cardRound)}/cards.pdf`)));
		expect(cardCodes).toHaveLength(6);
	});

	it('sees the supervised rounds on the firm page', async () => {
		const page = await text(await as.adviser.get(`/firms/${s.firm.slug}`));
		expect(page).toContain('Begeleid voorjaar');
		expect(page).toContain('Begeleid door Ada Adviseur');
	});
});

describe('the owner and the co-manager', () => {
	it('see the status and who supervises, but no link, short link, QR, poster or cards', async () => {
		for (const who of [as.owner, as.manager]) {
			for (const round of [linkRound, cardRound]) {
				const res = await who.get(base(round));
				expect(res.status).toBe(200);
				const page = await text(res);
				expect(page).toContain('Begeleid door Ada Adviseur');
				expect(page).toContain('data-state="open"');
				expect(page).not.toContain(linkToken);
				expect(page).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
				expect(page).not.toMatch(/\/r\/[2-9A-HJKMNP-Z]{8,10}/);
				expect(page).not.toMatch(/poster\.pdf|cards\.pdf/);
				for (const code of cardCodes) expect(page).not.toMatch(new RegExp(`${code.slice(0, 5)}-?${code.slice(5)}`));
			}
			expect((await who.get(`${base(linkRound)}/poster.pdf`)).status).toBe(404);
			expect((await who.get(`${base(cardRound)}/cards.pdf`)).status).toBe(404);
		}
	});

	it('cannot import answers into the supervised round', async () => {
		const form = new FormData();
		form.set('round', 'Begeleid voorjaar');
		form.set('file', new Blob(['perspective,werk_1,werk_2\nemployee,5,5\nemployee,5,5\nemployee,5,5\nemployee,5,5\n'], { type: 'text/csv' }), 'pad.csv');
		for (const who of [as.owner, as.manager]) {
			const res = await who.send(`/firms/${s.firm.slug}/rounds/import`, { method: 'POST', body: form });
			expect(res.status).toBe(409);
			expect(await text(res)).toContain('begeleid');
		}
	});

	it('cannot send answers as an employee from their signed-in browser, by link or by card', async () => {
		// Sent to their own version instead, as in every round (padding by the firm's own people is refused).
		const sentToOwnVersion = (res: Response) => {
			expect(res.status).toBe(303);
			expect(res.headers.get('location') ?? '').toContain(`${base(linkRound)}/owner-scan`);
		};
		for (const who of [as.owner, as.manager]) {
			sentToOwnVersion(await answerOnePage(who, linkToken, someAnswers(0)));
			sentToOwnVersion(await who.post(`/s/${linkToken}/q/werk`, { werk_1: '5', go: 'next' }));
		}
		const card = await as.owner.get(`/k/${cardCodes[0]}`);
		expect(card.status).toBe(303);
		const cardToken = (card.headers.get('location') ?? '').replace('/s/', '');
		const byCard = await answerOnePage(as.owner, cardToken, someAnswers(0));
		expect(byCard.status).toBe(303);
		expect(byCard.headers.get('location') ?? '').toContain(`${base(cardRound)}/owner-scan`);
	});
});

describe('others', () => {
	it('another adviser of the firm sees the round but not its link, poster or cards', async () => {
		const page = await text(await as.otherAdviser.get(base(linkRound)));
		expect(page).toContain('Begeleid door Ada Adviseur');
		expect(page).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
		expect((await as.otherAdviser.get(`${base(linkRound)}/poster.pdf`)).status).toBe(404);
		expect((await as.otherAdviser.get(`${base(cardRound)}/cards.pdf`)).status).toBe(404);
	});

	it('someone without a role in the firm gets 404 everywhere', async () => {
		for (const path of [base(linkRound), `${base(linkRound)}/poster.pdf`, `${base(cardRound)}/cards.pdf`, `/firms/${s.firm.slug}/rounds/new`]) {
			expect((await as.outsider.get(path)).status, path).toBe(404);
		}
	});
});

describe('the report of a supervised round', () => {
	it('says who supervised it, in JSON, on the page and in the PDF', async () => {
		for (let i = 0; i < 5; i++) await respond(server.baseUrl, linkToken, someAnswers(i));
		const report = (await (await as.owner.get(`${base(linkRound)}/report/report.json`)).json()) as { supervisedBy: unknown; respondents: { employee: number } };
		expect(report.supervisedBy).toEqual({ name: 'Ada Adviseur' });
		expect(report.respondents.employee).toBe(5);
		expect(await text(await as.owner.get(`${base(linkRound)}/report`))).toContain('Ada Adviseur');
		const pdf = await as.owner.get(`${base(linkRound)}/report/report.pdf`);
		expect(pdf.status).toBe(200);
		expect(await pdfPlainText(new Uint8Array(await pdf.arrayBuffer()))).toContain('Ada Adviseur');
	});
});

// Last: on the embedded database, looking inside stops the server.
describe('what the database holds', () => {
	it('only the five anonymous responses; nothing from the owner’s or co-manager’s tries', async () => {
		const stored = await server.inspect(async (db) => {
			const employees = await db.select().from(scanResponse).where(and(eq(scanResponse.roundId, linkRound), eq(scanResponse.perspective, 'employee')));
			const cards = await db.select().from(scanResponse).where(eq(scanResponse.roundId, cardRound));
			return { employees, cards };
		});
		expect(stored.employees).toHaveLength(5);
		expect(stored.employees.every((r) => r.source === 'survey')).toBe(true);
		expect(stored.cards).toEqual([]);
	});
});
