// The owner's side of a scan round over plain HTTP, as a browser without JavaScript uses it: start a round,
// see the links, download the poster and the cards, pause, reopen and close; and every round page, download
// and action answers 404 to anyone who may not manage the firm.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, inviteAndAccept, uniqueEmail } from '../support/http-client';
import { pdfPlainText } from '../../helpers/pdf-text';

let owner: HttpSession, otherOwner: HttpSession, adviser: HttpSession, anonymous: HttpSession;
let firm: string, otherFirm: string, smallFirm: string;
let linkRound: string, cardRound: string;

const roundIdFrom = (res: Response) => {
	const location = res.headers.get('location') ?? '';
	const id = location.match(/\/rounds\/([0-9a-f-]{36})$/)?.[1];
	if (res.status !== 303 || !id) throw new Error(`expected a redirect to the new round, got ${res.status} ${location}`);
	return id;
};

async function startRound(session: HttpSession, slug: string, fields: Record<string, string>) {
	return session.post(`/firms/${slug}/rounds/new`, { opensOn: '', closesOn: '', invited: '', teams: '', inviteMode: 'link', cards: '', ...fields });
}

async function pdfOf(res: Response): Promise<Uint8Array> {
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('application/pdf');
	expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.pdf"$/);
	const bytes = new Uint8Array(await res.arrayBuffer());
	expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	return bytes;
}

const text = async (res: Response) => (await res.text()).replace(/\s+/g, ' ');

beforeAll(async () => {
	owner = await HttpSession.signUp('Olga Eigenaar', uniqueEmail('olga'));
	otherOwner = await HttpSession.signUp('Piet Eigenaar', uniqueEmail('piet'));
	const adviserEmail = uniqueEmail('adviseur');
	adviser = await HttpSession.signUp('Aad Adviseur', adviserEmail);
	anonymous = new HttpSession();
	firm = await createFirmOver(owner, 'Installatiebedrijf Olga', '12');
	otherFirm = await createFirmOver(otherOwner, 'Garage Piet', '20');
	smallFirm = await createFirmOver(owner, 'Eenmanszaak Olga', '2');
	await inviteAndAccept(owner, firm, adviser, adviserEmail, 'coach');

	linkRound = roundIdFrom(await startRound(owner, firm, { name: 'Voorjaar', closesOn: '2099-06-30', teams: 'Werkplaats\nKantoor' }));
	cardRound = roundIdFrom(await startRound(owner, firm, { name: 'Met kaartjes', inviteMode: 'cards', cards: '13', invited: '13', openAnswersVerbatim: 'on' }));
});

describe('an owner', () => {
	it('finds the rounds on the firm page, with a way to start one', async () => {
		const page = await text(await owner.get(`/firms/${firm}`));
		expect(page).toContain(`href="/firms/${firm}/rounds/new"`);
		expect(page).toContain(`href="/firms/${firm}/rounds/${linkRound}"`);
		expect(page).toContain(`href="/firms/${firm}/rounds/${cardRound}"`);
	});

	it('sees the link, the short link, the invitation text and only the count of answers', async () => {
		const res = await owner.get(`/firms/${firm}/rounds/${linkRound}`);
		expect(res.status).toBe(200);
		const page = await text(res);
		const survey = page.match(/href="(http:\/\/[^"]+\/s\/[A-Za-z0-9_-]{43})"/)?.[1];
		const short = page.match(/href="(http:\/\/[^"]+\/r\/[2-9A-HJKMNP-Z]{10})"/)?.[1];
		expect(survey).toBeDefined();
		expect(short).toBeDefined();
		expect(page).toContain('Nog geen rapport: nog niet genoeg antwoorden (er zijn er minstens 5 nodig).');
		expect(page).toContain('Werkplaats, Kantoor');
		expect(page).toContain('30 juni 2099');
		// the invitation to paste carries the short link and the promise with k
		expect(page).toMatch(new RegExp(`<textarea id="invitation-text"[^>]*>[^<]*${short!.replace(/[.]/g, '\\.')}[^<]*minstens 5 mensen`));
		expect(page).toContain(`href="/firms/${firm}/rounds/${linkRound}/owner-scan"`);

		// the links lead to the questionnaire
		const base = new HttpSession().baseUrl;
		const viaShort = await anonymous.get(short!.slice(short!.indexOf('/r/')));
		expect(viaShort.status).toBe(303);
		expect(viaShort.headers.get('location')).toBe(survey!.slice(survey!.indexOf('/s/')));
		expect(survey!.startsWith(base)).toBe(true);
		expect((await anonymous.get(survey!.slice(base.length))).status).toBe(200);
	});

	it('downloads an A4 poster with the QR code, the short link and the anonymity promise', async () => {
		const page = await text(await owner.get(`/firms/${firm}/rounds/${linkRound}`));
		const short = page.match(/href="http:\/\/([^"]+\/r\/[2-9A-HJKMNP-Z]{10})"/)?.[1];
		const pdf = await pdfOf(await owner.get(`/firms/${firm}/rounds/${linkRound}/poster.pdf`));
		const poster = await pdfPlainText(pdf);
		expect(poster).toContain('Hoe leren we bij Installatiebedrijf Olga?');
		expect(poster).toContain(`http://${short}`);
		expect(poster).toContain('pas als minstens 5 mensen hebben meegedaan');
		// a round with cards has no poster, a round with a link no card sheet
		expect((await owner.get(`/firms/${firm}/rounds/${cardRound}/poster.pdf`)).status).toBe(404);
		expect((await owner.get(`/firms/${firm}/rounds/${linkRound}/cards.pdf`)).status).toBe(404);
	});

	it('downloads the card sheet, and every printed code opens the questionnaire once it is typed in', async () => {
		const page = await text(await owner.get(`/firms/${firm}/rounds/${cardRound}`));
		expect(page).toContain('Er zijn 13 kaartjes.');
		expect(page).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
		const sheet = await pdfPlainText(await pdfOf(await owner.get(`/firms/${firm}/rounds/${cardRound}/cards.pdf`)));
		const codes = [...sheet.matchAll(/\b([2-9A-HJKMNP-Z]{5})-([2-9A-HJKMNP-Z]{5})\b/g)].map((match) => `${match[1]}${match[2]}`);
		expect(new Set(codes).size).toBe(13);
		expect(sheet).toContain('Of ga naar');
		const opened = await new HttpSession().get(`/k/${codes[0]}`);
		expect(opened.status).toBe(303);
		expect(opened.headers.get('location')).toMatch(/^\/s\/[A-Za-z0-9_-]{43}$/);
	});

	it('gets plain messages for bad input, and keeps what was typed', async () => {
		const res = await startRound(owner, firm, { name: 'voorjaar', opensOn: '2025-05-10', closesOn: '2025-05-01', invited: '500', teams: 'x'.repeat(41) });
		expect(res.status).toBe(400);
		const page = await text(res);
		expect(page).toContain('U heeft al een ronde met deze naam.');
		expect(page).toContain('De laatste dag mag niet vóór de eerste dag liggen.');
		expect(page).toContain('Dat is meer dan tien keer het aantal medewerkers');
		expect(page).toContain('elk in hoogstens 40 tekens');
		expect(page).toContain('value="voorjaar"');

		const cards = await startRound(owner, firm, { name: 'Kaartjes zonder aantal', inviteMode: 'cards', cards: '' });
		expect(cards.status).toBe(400);
		expect(await text(cards)).toContain('Vul een aantal kaartjes in, van 1 tot en met 500.');
	});

	it('pauses, reopens and, after confirming, closes the round for good', async () => {
		const round = roundIdFrom(await startRound(owner, firm, { name: 'Om te sluiten' }));
		const path = `/firms/${firm}/rounds/${round}`;

		const paused = await owner.post(`${path}?/pause`, {});
		expect(paused.status).toBe(200);
		const pausedPage = await text(paused);
		expect(pausedPage).toContain('De ronde is gepauzeerd.');
		expect(pausedPage).toContain('action="?/reopen"');
		expect(pausedPage).not.toContain('action="?/pause"');
		expect((await owner.post(`${path}?/pause`, {})).status).toBe(409);

		const reopened = await owner.post(`${path}?/reopen`, {});
		expect(reopened.status).toBe(200);
		expect(await text(reopened)).toContain('De ronde is weer open.');

		const confirm = await owner.get(`${path}/close`);
		expect(confirm.status).toBe(200);
		expect(await text(confirm)).toContain('Dit kunt u niet ongedaan maken.');
		const closed = await owner.post(`${path}/close`, {});
		expect(closed.status).toBe(303);
		expect(closed.headers.get('location')).toBe(path);

		const page = await text(await owner.get(path));
		expect(page).toContain('De ronde is gesloten. Niemand kan meer reageren.');
		expect(page).not.toContain('action="?/pause"');
		expect(page).not.toContain('action="?/reopen"');
		expect(page).not.toContain(`${path}/close"`);
		expect((await owner.post(`${path}?/reopen`, {})).status).toBe(409);
		expect((await owner.post(`${path}/close`, {})).status).toBe(409);
	});

	it('is told plainly that a firm with fewer than k employees gets no anonymous report', async () => {
		expect(await text(await owner.get(`/firms/${smallFirm}/rounds/new`))).toContain('minder dan 5 medewerkers');
		const round = roundIdFrom(await startRound(owner, smallFirm, { name: 'Zelfscan' }));
		const page = await text(await owner.get(`/firms/${smallFirm}/rounds/${round}`));
		expect(page).toContain('er komt geen anoniem rapport over de medewerkers');
	});
});

describe('an adviser of the firm', () => {
	it('sees the count, but no links, downloads or actions', async () => {
		const res = await adviser.get(`/firms/${firm}/rounds/${linkRound}`);
		expect(res.status).toBe(200);
		const page = await text(res);
		expect(page).toContain('Nog geen rapport: nog niet genoeg antwoorden (er zijn er minstens 5 nodig).');
		expect(page).toContain('U kijkt mee als adviseur.');
		expect(page).not.toMatch(/\/s\/[A-Za-z0-9_-]{43}/);
		expect(page).not.toMatch(/\/r\/[2-9A-HJKMNP-Z]{10}/);
		expect(page).not.toContain('poster.pdf');
		expect(page).not.toContain('action="?/');
		expect(page).not.toContain('owner-scan');
		// The adviser may start a supervised round of their own, not take over this one.
		expect(await text(await adviser.get(`/firms/${firm}`))).toContain('Begeleide scanronde starten');
	});

	it('gets 404 on every download and action of the owner’s rounds', async () => {
		for (const path of [
			`/firms/${firm}/rounds/${linkRound}/poster.pdf`,
			`/firms/${firm}/rounds/${cardRound}/cards.pdf`,
			`/firms/${firm}/rounds/${linkRound}/close`,
			`/firms/${firm}/rounds/import`
		]) {
			expect((await adviser.get(path)).status, path).toBe(404);
		}
		for (const path of [
			`/firms/${firm}/rounds/${linkRound}?/pause`,
			`/firms/${firm}/rounds/${linkRound}?/reopen`,
			`/firms/${firm}/rounds/${linkRound}/close`,
			`/firms/${firm}/rounds/import`
		]) {
			expect((await adviser.post(path, { name: 'Van de adviseur', round: 'Van de adviseur' })).status, path).toBe(404);
		}
		expect(await text(await owner.get(`/firms/${firm}/rounds/${linkRound}`))).toContain('data-state="open"');
	});
});

describe('another firm’s owner', () => {
	it('gets 404 on every round page, download and action, also through their own firm', async () => {
		const pages = (slug: string) => [
			`/firms/${slug}/rounds/${linkRound}`,
			`/firms/${slug}/rounds/${cardRound}`,
			`/firms/${slug}/rounds/${linkRound}/poster.pdf`,
			`/firms/${slug}/rounds/${cardRound}/cards.pdf`,
			`/firms/${slug}/rounds/${linkRound}/close`
		];
		for (const path of [...pages(firm), `/firms/${firm}/rounds/new`, `/firms/${firm}/rounds/import`, ...pages(otherFirm)]) {
			expect((await otherOwner.get(path)).status, path).toBe(404);
		}
		const actions = (slug: string) => [`/firms/${slug}/rounds/${linkRound}?/pause`, `/firms/${slug}/rounds/${linkRound}?/reopen`, `/firms/${slug}/rounds/${linkRound}/close`];
		for (const path of [...actions(firm), `/firms/${firm}/rounds/new`, ...actions(otherFirm)]) {
			expect((await otherOwner.post(path, { name: 'Overname' })).status, path).toBe(404);
		}
		// an id that is no round at all answers the same
		expect((await owner.get(`/firms/${firm}/rounds/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
		expect((await owner.get(`/firms/${firm}/rounds/geen-ronde`)).status).toBe(404);
		const page = await text(await owner.get(`/firms/${firm}/rounds/${linkRound}`));
		expect(page).toContain('data-state="open"');
		expect(page).not.toContain('Overname');
	});
});

describe('someone not signed in', () => {
	it('is sent to sign in', async () => {
		for (const path of [`/firms/${firm}/rounds/${linkRound}`, `/firms/${firm}/rounds/${linkRound}/poster.pdf`, `/firms/${firm}/rounds/new`]) {
			const res = await anonymous.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location')).toContain('/login?returnTo=');
		}
		expect((await anonymous.post(`/firms/${firm}/rounds/${linkRound}?/pause`, {})).status).toBe(303);
	});
});
