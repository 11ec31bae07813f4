// The one-page questionnaire over plain HTTP: every question on one page, sent in one post with no draft and
// no cookie needed, refused input shown again with every choice kept, and one response per page sent.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { pageHtml as html, submissionKeyOf as keyOf, surveyPath as path } from '../support/survey';
import { makeFirm } from '../../helpers/factories';
import { makeCards, makeRound } from '../../helpers/scan-factories';
import { scanResponse, submissionReceipt } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

async function seed(db: Database) {
	const firm = await makeFirm(db, { name: 'Garage Het Stuur' });
	const open = await makeRound(db, firm.id, { teams: ['Werkplaats', 'Balie'], openAnswersVerbatim: true });
	const paused = await makeRound(db, firm.id, { status: 'paused' });
	const cards = await makeRound(db, firm.id, { inviteMode: 'cards' });
	const [card] = await makeCards(db, cards.id, 1);
	const polish = await makeRound(db, firm.id, {});
	return { open, paused, cards, card: card!, polish };
}

const server = useSeededServer(seed);
const s = server.seeded;

const answers = { werk_1: '4', leiding_3: '9', buitenwereld_5: '1', team: 'Balie', learn_informal: 'yes', barriers: 'cost', open_improve: '<script>alert(1)</script> & meer' };

describe('the one-page questionnaire', () => {
	it('is offered on the intro page and shows every question, grouped as on the screens, without script', async () => {
		const session = new HttpSession(server.baseUrl);
		const intro = await html(await session.get(path(s.open)));
		expect(intro).toContain(`href="${path(s.open, '/all')}"`);
		expect(intro).toContain('Liever alle vragen op één pagina?');
		const page = await html(await session.get(path(s.open, '/all')));
		expect(page).not.toMatch(/<script/i);
		for (const heading of ['Over jou', 'Leren in het afgelopen jaar', 'Tot slot: in je eigen woorden']) expect(page).toContain(heading);
		// 31 statements, each a fieldset with its own radio group
		expect(page.match(/<fieldset class="question[^"]*" id="(werk|ruimte|samen|leiding|organisatie|buitenwereld)_\d+"/g)).toHaveLength(31);
		expect(page).toContain('value="Balie"');
		expect(keyOf(page)).toBeDefined();
	});

	it('tells before each open answer box, on both ways of answering, that the words are shown as written and can give the writer away', async () => {
		const session = new HttpSession(server.baseUrl);
		const notice = /<p class="hint[^"]*" id="open_improve-hint">Let op: wat je hier schrijft, komt letterlijk in het rapport[^<]*herkennen aan je taal of je manier van schrijven[^<]*<\/p>(?:\s|<!--[^>]*-->)*<textarea[^>]*id="open_improve-input"[^>]*aria-describedby="open_improve-hint"/;
		expect(await html(await session.get(path(s.open, '/all')))).toMatch(notice);
		expect(await html(await session.get(path(s.open, '/q/open')))).toMatch(notice);
		// Where nobody promised to show the words, the box says the owner does not see them as written.
		const withCard = new HttpSession(server.baseUrl);
		expect((await withCard.get(`/k/${s.card}`)).status).toBe(303);
		expect(await html(await withCard.get(path(s.cards, '/all')))).toContain('krijgt de eigenaar niet letterlijk te zien');
	});

	it('sends all answers in one post, without any cookie, and counts the same page sent twice once', async () => {
		const session = new HttpSession(server.baseUrl);
		const key = keyOf(await html(await session.get(path(s.open, '/all'))))!;
		const sent = await session.post(path(s.open, '/all'), { ...answers, submissionKey: key });
		expect(sent.status).toBe(303);
		expect(sent.headers.get('location')).toBe(path(s.open, '/thanks'));
		const again = await new HttpSession(server.baseUrl).post(path(s.open, '/all'), { ...answers, submissionKey: key });
		expect(again.headers.get('location')).toBe(path(s.open, '/thanks'));

	});

	it('sends a page in the language the respondent chose with the response', async () => {
		const session = new HttpSession(server.baseUrl);
		expect((await session.post('/language', { locale: 'pl', returnTo: path(s.polish, '/all') })).status).toBe(303);
		const page = await html(await session.get(path(s.polish, '/all')));
		expect(page).toContain('<html lang="pl"');
		const sent = await session.post(path(s.polish, '/all'), { werk_1: '4', submissionKey: keyOf(page)! });
		expect(sent.headers.get('location')).toBe(path(s.polish, '/thanks'));
	});

	it('shows a refused page again with a message, a link to each problem and every choice kept', async () => {
		const session = new HttpSession(server.baseUrl);
		const key = keyOf(await html(await session.get(path(s.open, '/all'))))!;
		const res = await session.post(path(s.open, '/all'), { ...answers, werk_1: '7', team: 'Directie', submissionKey: key });
		expect(res.status).toBe(400);
		const page = await html(res);
		expect(page).toContain('Niet alles is goed ingevuld.');
		expect(page).toContain('href="#werk_1"');
		expect(page).toContain('href="#team"');
		expect(page).toMatch(/name="leiding_3" value="9" checked/);
		expect(page).toContain('&lt;script>alert(1)&lt;/script> &amp; meer</textarea>');
		expect(page).not.toMatch(/<script/i);
		// a fresh key: the corrected page can be sent as it is
		expect(keyOf(page)).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});

	it('refuses a page without its key, and no opinion at all, storing nothing', async () => {
		const session = new HttpSession(server.baseUrl);
		const noKey = await session.post(path(s.open, '/all'), answers);
		expect(noKey.status).toBe(400);
		expect(await html(noKey)).toContain('Druk nog een keer op Versturen');
		const key = keyOf(await html(await session.get(path(s.open, '/all'))))!;
		const nothing = await session.post(path(s.open, '/all'), { werk_1: '9', submissionKey: key });
		expect(nothing.status).toBe(400);
		expect(await html(nothing)).toContain('Je hebt nog bij geen enkele zin je mening gegeven');
	});

	it('follows the round: a paused round takes nothing, a round with cards needs one', async () => {
		const session = new HttpSession(server.baseUrl);
		expect((await session.get(path(s.paused, '/all'))).status).toBe(303);
		const paused = await session.post(path(s.paused, '/all'), { ...answers, submissionKey: 'a'.repeat(43) });
		expect(paused.status).toBe(409);
		expect(await html(paused)).toContain('De vragenlijst staat even stil.');

		const refused = await session.post(path(s.cards, '/all'), { werk_1: '4', submissionKey: 'b'.repeat(43) });
		expect(refused.status).toBe(403);
		const entered = await session.get(`/k/${s.card}`);
		expect(entered.status).toBe(303);
		const key = keyOf(await html(await session.get(path(s.cards, '/all'))))!;
		const sent = await session.post(path(s.cards, '/all'), { werk_1: '4', submissionKey: key });
		expect(sent.headers.get('location')).toBe(path(s.cards, '/thanks'));
	});
});

// Last: on the embedded database, looking inside stops the server.
describe('what the database holds afterwards', () => {
	it('one response for the page sent twice, with the values given; nothing from refused posts', async () => {
		const stored = await server.inspect(async (db) => ({
			responses: await db.select().from(scanResponse).where(eq(scanResponse.roundId, s.open.id)),
			receipts: await db.select().from(submissionReceipt).where(eq(submissionReceipt.roundId, s.open.id)),
			paused: await db.select().from(scanResponse).where(eq(scanResponse.roundId, s.paused.id)),
			polish: await db.select({ language: scanResponse.language }).from(scanResponse).where(eq(scanResponse.roundId, s.polish.id))
		}));
		expect(stored.responses).toHaveLength(1);
		expect(stored.receipts).toHaveLength(1);
		expect(stored.paused).toEqual([]);
		expect(stored.responses[0]!.answers).toMatchObject({ werk_1: 4, leiding_3: 9, buitenwereld_5: 1, werk_2: null });
		expect(stored.responses[0]!.background).toMatchObject({ team: 'Balie' });
		expect(stored.responses[0]!.open).toMatchObject({ open_improve: '<script>alert(1)</script> & meer' });
		// Sent without a language cookie or Accept-Language: the page was in Dutch, and so is the response.
		expect(stored.responses[0]!.language).toBe('nl');
		expect(stored.polish).toEqual([{ language: 'pl' }]);
	});
});
