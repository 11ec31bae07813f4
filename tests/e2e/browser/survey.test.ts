// The scan as an employee meets it: a phone-sized Chromium, first with JavaScript switched off, then on.
// Open the short link, answer, go back, change an answer, fill in a skipped statement from the summary,
// send, refresh the thank-you page; axe-core checks every page on the way. Then the database must hold
// exactly one response per round with exactly those values. The server is this file's own, started on a
// database with the rounds made beforehand, so the test can open that database at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument, questionText } from '../../../src/lib/domain/instrument';
import { scanResponse, submissionReceipt, surveyDraft } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const instrument = loadInstrument('v1');
const statement = (id: string) => questionText(instrument.items.find((i) => i.id === id)!, 'employee', 'nl');

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', 'koffie en een stroopwafel', 'Olga Eigenaar');
	const firm = await makeFirm(db, { name: 'Installatiebedrijf Olga', ownerId: owner.id });
	const teams = ['Monteurs', 'Kantoor'];
	const withoutJs = await makeRound(db, firm.id, { teams, openAnswersVerbatim: true });
	const withJs = await makeRound(db, firm.id, { teams });
	const closed = await makeRound(db, firm.id, { status: 'closed' });
	const onePage = await makeRound(db, firm.id, { teams });
	return { owner, firm, withoutJs, withJs, closed, onePage };
}

const server = useSeededServer(seed);
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

const withoutJavaScript = new WeakSet<Page>();
let checker: Page | undefined;

/**
 * axe-core runs inside the page, which a page without JavaScript cannot do. There, the same address is
 * opened with the same cookies in a page with JavaScript, which gets exactly the same HTML (no survey page
 * has a script), and axe checks that one.
 */
async function checkAccessible(page: Page) {
	if (!withoutJavaScript.has(page)) return expectAccessible(page);
	if (!checker) {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
		contexts.push(context);
		checker = await context.newPage();
	}
	await checker.goto('about:blank'); // a new load, also when only the #fragment differs
	await checker.context().clearCookies();
	await checker.context().addCookies(await page.context().cookies());
	await checker.goto(page.url());
	expect(await checker.content()).toBe(await page.content());
	await expectAccessible(checker);
}

async function phone(javaScriptEnabled: boolean): Promise<{ page: Page; scripts: string[] }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL', javaScriptEnabled });
	contexts.push(context);
	const page = await context.newPage();
	if (!javaScriptEnabled) withoutJavaScript.add(page);
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	return { page, scripts };
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
async function choose(page: Page, question: string, answer: string) {
	await group(page, question).getByLabel(answer, { exact: true }).check();
}
async function chosen(page: Page, question: string, answer: string): Promise<boolean> {
	return group(page, question).getByLabel(answer, { exact: true }).isChecked();
}
async function next(page: Page, step: RegExp) {
	await page.getByRole('button', { name: 'Volgende' }).click();
	await page.waitForURL(step);
	await checkAccessible(page);
}

/** The whole questionnaire, the same with JavaScript on or off. */
async function answerTheScan(page: Page, round: { linkToken: string; shortCode: string }) {
	const base = `${server.baseUrl}/s/${round.linkToken}`;
	await page.goto(`${server.baseUrl}/r/${round.shortCode}`);
	expect(page.url()).toBe(base);
	await checkAccessible(page);
	await page.getByRole('link', { name: 'Beginnen' }).click();
	await page.waitForURL(`${base}/q/werk`);
	await checkAccessible(page);
	expect(await page.getByText('Stap 1 van 9').isVisible()).toBe(true);

	await choose(page, statement('werk_1'), 'Eens');
	await choose(page, statement('werk_2'), 'Helemaal eens');
	await choose(page, statement('werk_3'), 'Weet ik niet');
	await next(page, /\/q\/ruimte$/);
	expect(await page.getByText('Stap 2 van 9').isVisible()).toBe(true);
	await choose(page, statement('ruimte_1'), 'Oneens');

	// back: both screens keep their answers; change one
	await page.getByRole('button', { name: 'Vorige' }).click();
	await page.waitForURL(`${base}/q/werk`);
	expect(await chosen(page, statement('werk_1'), 'Eens')).toBe(true);
	expect(await chosen(page, statement('werk_3'), 'Weet ik niet')).toBe(true);
	await choose(page, statement('werk_1'), 'Helemaal oneens');
	await next(page, /\/q\/ruimte$/);
	expect(await chosen(page, statement('ruimte_1'), 'Oneens')).toBe(true);

	for (const [aspect, following] of [
		['ruimte', 'samen'],
		['samen', 'leiding'],
		['leiding', 'organisatie'],
		['organisatie', 'buitenwereld'],
		['buitenwereld', 'background']
	]) {
		if (aspect !== 'ruimte') await choose(page, statement(`${aspect}_1`), 'Niet eens, niet oneens');
		await next(page, new RegExp(`/q/${following}$`));
	}

	expect(await page.getByText('Stap 7 van 9').isVisible()).toBe(true);
	await choose(page, 'Hoe oud ben je?', '35 tot 45 jaar');
	await choose(page, 'In welk team werk je?', 'Monteurs');
	await next(page, /\/q\/learning$/);
	await choose(page, instrument.learning.formal.question.nl, 'Nee');
	await choose(page, instrument.learning.need.question.nl, 'Eens');
	await group(page, instrument.learning.barriers.question.nl).getByLabel('Ik heb er geen tijd voor').check();
	await group(page, instrument.learning.barriers.question.nl).getByLabel('Het kost te veel geld').check();
	await next(page, /\/q\/open$/);
	await page.getByLabel(questionText(instrument.open[0]!, 'employee', 'nl')).fill('We helpen elkaar bij storingen.');
	await next(page, /\/summary$/);

	// the summary lists a skipped statement; fill it in from there and come back
	const skipped = page.getByRole('link', { name: statement('samen_2') });
	expect(await skipped.isVisible()).toBe(true);
	expect(await page.getByRole('link', { name: statement('werk_1') }).count()).toBe(0);
	await skipped.click();
	await page.waitForURL(/\/q\/samen\?from=summary#samen_2$/);
	await choose(page, statement('samen_2'), 'Eens');
	await page.getByRole('button', { name: 'Opslaan en naar het overzicht' }).click();
	await page.waitForURL(/\/summary$/);
	await checkAccessible(page);
	expect(await page.getByRole('link', { name: statement('samen_2') }).count()).toBe(0);

	await page.getByRole('button', { name: 'Versturen' }).click();
	await page.waitForURL(`${base}/thanks`);
	expect(await page.getByRole('heading', { name: 'Bedankt voor het meedoen!' }).isVisible()).toBe(true);
	await checkAccessible(page);
	const again = await page.reload();
	expect(again?.status()).toBe(200);
	expect(await page.getByRole('heading', { name: 'Bedankt voor het meedoen!' }).isVisible()).toBe(true);
}

describe('an employee answers the scan on a phone', () => {
	it('with JavaScript switched off, loading no script at all', async () => {
		const { page, scripts } = await phone(false);
		await answerTheScan(page, server.seeded.withoutJs);
		expect(scripts).toEqual([]);
	}, 240_000);

	it('with JavaScript on', async () => {
		const { page, scripts } = await phone(true);
		await answerTheScan(page, server.seeded.withJs);
		expect(scripts).toEqual([]);
	}, 240_000);

	it('fits a 320 px screen, and the card entry, a closed round and an unknown link pass axe too', async () => {
		const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'nl-NL' });
		contexts.push(context);
		const page = await context.newPage();
		const wide = () => page.evaluate(() => document.documentElement.scrollWidth);
		for (const path of [`/s/${server.seeded.withJs.linkToken}`, `/s/${server.seeded.withJs.linkToken}/q/werk`, `/s/${server.seeded.closed.linkToken}`, '/k', '/s/deze-link-bestaat-helemaal-niet']) {
			await page.goto(`${server.baseUrl}${path}`);
			await checkAccessible(page);
			expect(await wide(), path).toBeLessThanOrEqual(320);
		}
		await page.goto(`${server.baseUrl}/k`);
		await page.getByLabel(/^Code/).fill('ABCDE-FGHJK');
		await page.getByRole('button', { name: 'Verder' }).click();
		expect(await page.getByText('Deze code werkt niet (meer).').isVisible()).toBe(true);
		await checkAccessible(page);

		// a refused answer: the messages by the questions pass axe as well
		await page.goto(`${server.baseUrl}/s/${server.seeded.withJs.linkToken}/q/werk`);
		await group(page, statement('werk_1')).getByLabel('Eens', { exact: true }).evaluate((input) => input.setAttribute('value', '7'));
		await choose(page, statement('werk_1'), 'Eens');
		await page.getByRole('button', { name: 'Volgende' }).click();
		await page.waitForLoadState();
		expect(await page.getByRole('alert').textContent()).toContain('Niet alles is goed ingevuld');
		expect(await group(page, statement('werk_1')).getByText('Kies een van de antwoorden die er staan.').isVisible()).toBe(true);
		await checkAccessible(page);
	});

	it("the owner's own questionnaire passes axe, before and after saving", async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
		contexts.push(context);
		const page = await context.newPage();
		const { owner, firm, withJs } = server.seeded;
		await page.goto(`${server.baseUrl}/login`);
		await page.getByLabel('E-mailadres').first().fill(owner.email);
		await page.getByLabel(/^Wachtwoord/).fill(owner.password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL(/\/firms/);
		await page.goto(`${server.baseUrl}/firms/${firm.slug}/rounds/${withJs.id}/owner-scan`);
		await checkAccessible(page);
		await choose(page, 'Mijn medewerkers doen in hun werk verschillende soorten taken.', 'Helemaal eens');
		await page.getByRole('button', { name: 'Antwoorden opslaan' }).click();
		await page.waitForURL(/owner-scan\?saved=1$/);
		expect(await page.getByText('Uw antwoorden zijn opgeslagen.').isVisible()).toBe(true);
		expect(await chosen(page, 'Mijn medewerkers doen in hun werk verschillende soorten taken.', 'Helemaal eens')).toBe(true);
		await checkAccessible(page);
	});
});

describe('all questions on one page', () => {
	it('passes axe, loads no script and sends once', async () => {
		// JavaScript on, so axe runs in this very page: each view of it carries a fresh submission key, so the
		// checker's second load would differ. The page has no script either way.
		const { page, scripts } = await phone(true);
		const base = `${server.baseUrl}/s/${server.seeded.onePage.linkToken}`;
		await page.goto(base);
		await page.getByRole('link', { name: 'Liever alle vragen op één pagina?' }).click();
		await page.waitForURL(`${base}/all`);
		await checkAccessible(page);
		await choose(page, statement('werk_1'), 'Helemaal eens');
		await choose(page, statement('buitenwereld_5'), 'Weet ik niet');
		await page.getByLabel('Wat gaat er goed bij ons als het gaat om leren?').fill('Samen <b>storingen</b> oplossen');
		await page.getByRole('button', { name: 'Versturen' }).click();
		await page.waitForURL(`${base}/thanks`);
		expect(await page.getByText('Bedankt voor het meedoen!').isVisible()).toBe(true);
		expect(scripts).toEqual([]);
	});
});

describe('what was stored', () => {
	it('exactly one response per round, with the answers as last chosen', async () => {
		const { withoutJs, withJs } = server.seeded;
		const stored = await server.inspect(async (db) => ({
			responses: await db.select().from(scanResponse),
			receipts: await db.select().from(submissionReceipt),
			drafts: await db.select().from(surveyDraft)
		}));
		expect(stored.receipts).toHaveLength(3);
		const onePage = stored.responses.filter((r) => r.roundId === server.seeded.onePage.id);
		expect(onePage.map((r) => [r.answers.werk_1, r.answers.buitenwereld_5, r.answers.werk_2, r.open.open_strength])).toEqual([[5, 9, null, 'Samen <b>storingen</b> oplossen']]);
		expect(stored.responses.filter((r) => r.perspective === 'owner').map((r) => [r.roundId, r.answers.werk_1])).toEqual([[withJs.id, 5]]);
		expect(stored.drafts).toEqual([]);
		for (const round of [withoutJs, withJs]) {
			const mine = stored.responses.filter((r) => r.roundId === round.id && r.perspective === 'employee');
			expect(mine).toHaveLength(1);
			const [response] = mine;
			expect(response!.perspective).toBe('employee');
			expect(response!.answers).toMatchObject({
				werk_1: 1,
				werk_2: 5,
				werk_3: 9,
				werk_4: null,
				ruimte_1: 2,
				ruimte_2: null,
				samen_1: 3,
				samen_2: 4,
				leiding_1: 3,
				organisatie_1: 3,
				buitenwereld_1: 3
			});
			expect(Object.values(response!.answers).filter((v) => v !== null)).toHaveLength(9);
			expect(response!.background).toEqual({ age: '35_44', work_type: null, tenure: null, team: 'Monteurs' });
			expect(response!.learning).toEqual({ formal: false, nonFormal: null, informal: null, need: 4, intention: null, barriers: ['no_time', 'cost'] });
			expect(response!.open).toEqual({ open_strength: 'We helpen elkaar bij storingen.', open_improve: null });
		}
	});
});
