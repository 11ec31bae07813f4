// A newcomer's first hour in real Chromium (issue 11): what a new owner, admin and respondent saw go wrong,
// each checked on a server of its own with a seeded firm, and then every page walked with axe-core, with
// JavaScript on and off, on a 360 px phone and a desktop screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeCards, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { createAdminSetupToken, consumeAdminSetupToken } from '../../../src/lib/server/admin/setup-token';
import { scanResponse, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { pdfPlainText } from '../../helpers/pdf-text';

const instrument = loadInstrument('v1');
const password = 'koffie en een stroopwafel';

async function addResponses(db: Database, roundId: string, employees: number, options: { seed: number; source?: 'survey' | 'import'; owner?: Record<string, number> }) {
	const rows: (typeof scanResponse.$inferInsert)[] = sampleResponses(instrument, employees, 'employee', { seed: options.seed, teams: [] }).map((r) => ({
		roundId,
		perspective: 'employee',
		submittedOn: new Date().toISOString().slice(0, 10),
		source: options.source ?? 'survey',
		answers: { ...r.answers },
		background: { ...r.background },
		learning: { ...r.learning, barriers: [...r.learning.barriers] },
		open: {}
	}));
	if (options.owner) {
		rows.push({ ...rows[0]!, perspective: 'owner', answers: options.owner, background: {}, learning: {} });
	}
	await db.insert(scanResponse).values(rows);
}

async function seed(db: Database) {
	const admin = await makeSignInUser(db, 'beheer@example.nl', password, 'Bea Beheer');
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, admin.id));
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	// Six employees with k = 5: a firm that can just get a report, as in the walk that found these defects.
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: owner.id, employees: 6 });
	// Seven answered where five were invited (the link travelled), and the owner chose "Helemaal eens" (5)
	// on every statement, also on the reverse-keyed werk_5.
	const busy = await makeRound(db, firm.id, { name: 'Te veel antwoorden', invited: 5 });
	const ownerAnswers = Object.fromEntries(instrument.items.map((i) => [i.id, 5]));
	await addResponses(db, busy.id, 7, { seed: 3, owner: ownerAnswers });
	const early = await makeRound(db, firm.id, { name: 'Nog te vroeg', invited: 6 });
	await addResponses(db, early.id, 2, { seed: 4 });
	const imported = await makeRound(db, firm.id, { name: 'Op papier', invited: 0, origin: 'imported' }); // as an import makes it
	await addResponses(db, imported.id, 6, { seed: 5, source: 'import' });
	const closed = await makeRound(db, firm.id, { name: 'Gesloten ronde', status: 'closed', invited: 6 });
	await addResponses(db, closed.id, 5, { seed: 6 });
	const walk = await makeRound(db, firm.id, { name: 'Rondgang' });
	const cards = await makeRound(db, firm.id, { name: 'Met kaartjes', inviteMode: 'cards' });
	const codes = await makeCards(db, cards.id, 3);
	const usedSetup = await createAdminSetupToken(db);
	await consumeAdminSetupToken(db, usedSetup);
	const freshSetup = await createAdminSetupToken(db);
	return { firm, busy, early, imported, closed, walk, cards, code: codes[0]!, usedSetup, freshSetup };
}

const server = useSeededServer(seed);
const s = server.seeded;
let baseUrl = '';
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	baseUrl = server.baseUrl;
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

// Each account signs in once through the form; later pages reuse its session, as sign-in is rate limited.
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

async function signedIn(email: string, options: { width?: number; javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 360, height: 740 },
		locale: 'nl-NL',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		storageState: sessions.get(email)
	});
	contexts.push(context);
	const page = await context.newPage();
	if (email && !sessions.has(email)) {
		await page.goto(`${baseUrl}/login`);
		await page.getByLabel('E-mailadres').first().fill(email);
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		sessions.set(email, await context.storageState());
	}
	return page;
}

const firmPath = () => `/firms/${s.firm.slug}`;
const roundPath = (round: { id: string }) => `${firmPath()}/rounds/${round.id}`;
/** Every percentage written on a page, as numbers. */
const percentages = (text: string) => [...text.matchAll(/(\d+(?:[.,]\d+)?)\s?%/g)].map((match) => Number(match[1]!.replace(',', '.')));

describe('what a newcomer saw go wrong', () => {
	it('never shows a response rate above 100%, and none for an imported round', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.busy)}`);
		const count = (await page.getByTestId('employee-count').textContent()) ?? '';
		expect(percentages(count).length).toBeGreaterThan(0);
		for (const rate of percentages(count)) expect(rate, count).toBeLessThanOrEqual(100);

		await page.goto(`${baseUrl}${roundPath(s.busy)}/report`);
		const summary = (await page.locator('#lk-summary').textContent()) ?? '';
		expect(summary).toContain('U nodigde 5 mensen uit');
		for (const rate of percentages(summary)) expect(rate, summary).toBeLessThanOrEqual(100);
		const json = await page.context().request.get(`${baseUrl}${roundPath(s.busy)}/report/report.json`);
		expect(json.status()).toBe(200);
		const report = (await json.json()) as { responseRate: { rate: number | null } };
		expect(report.responseRate.rate).toBe(1);
		const pdf = await page.context().request.get(`${baseUrl}${roundPath(s.busy)}/report/report.pdf`);
		const pdfText = (await pdfPlainText(new Uint8Array(await pdf.body()))).replace(/\s+/g, ' ');
		expect(pdfText).toContain('U nodigde 5 mensen uit');
		for (const rate of percentages(pdfText.match(/U nodigde[^.]*\.[^.]*\./)?.[0] ?? '')) expect(rate).toBeLessThanOrEqual(100);

		await page.goto(`${baseUrl}${roundPath(s.imported)}`);
		expect(await page.getByTestId('employee-count').textContent()).not.toContain('%');
		await page.goto(`${baseUrl}${roundPath(s.imported)}/report`);
		const importedSummary = (await page.locator('#lk-summary').textContent()) ?? '';
		expect(importedSummary).toContain('6 medewerkers hebben de vragenlijst ingevuld.');
		expect(importedSummary).not.toContain('nodigde');
	});

	it('refuses more cards than people invited, with a plain message', async () => {
		const owner = new HttpSession(baseUrl);
		expect((await owner.post('/login?/password', { email: 'olga@example.nl', password })).status).toBe(303);
		const res = await owner.post(`${firmPath()}/rounds/new`, { name: 'Kaartjes', invited: '6', inviteMode: 'cards', cards: '8' });
		expect(res.status).toBe(400);
		const html = (await res.text()).replace(/&#39;/g, "'");
		expect(html).toContain('Maak niet meer kaartjes dan het aantal mensen dat u uitnodigt.');
	});

	it("shows the owner's answers as given, and says which statements count reversed", async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.busy)}/report`);
		const reversed = instrument.items.find((i) => i.id === 'werk_5')!;
		expect(reversed.reverse).toBe(true);
		const row = page.locator('#lk-aspect-werk tbody tr').filter({ hasText: 'omgekeerd' });
		expect(await row.count()).toBe(1);
		const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
		// mean, favourable, the owner's answer, gap: the owner chose 5 and that is what the report says
		expect(cells[2]).toBe('5');
		const note = (await page.locator('#lk-aspect-werk').textContent()) ?? '';
		expect(note).toContain('telt omgekeerd');
	});

	it('promises nothing that does not exist, and links the method as a page of the app', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.early)}/report`);
		const text = (await page.locator('main').textContent()) ?? '';
		for (const promise of ['zelfscan', 'gesprekshulp', 'docs/measures.md']) expect(text).not.toContain(promise);
		// "no version yet" and "N more needed for a new version" in one breath contradict each other
		expect(text).toContain('Er is nog geen versie met cijfers van medewerkers.');
		expect(await page.locator('#lk-next-version').count()).toBe(0);
		expect(text).not.toContain('nodig voor een nieuwe versie');
		await page.goto(`${baseUrl}${roundPath(s.busy)}/report`);
		const method = page.locator('#lk-method').getByRole('link', { name: /uitleg/ });
		expect(await method.getAttribute('href')).toBe('/method');
		await method.click();
		await page.waitForURL(`${baseUrl}/method`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Measures');
		expect(await page.getByRole('heading', { name: 'Reliability' }).count()).toBe(1);
		await expectAccessible(page);
	});

	it('shows a closed round without invitation or empty cards, and the owner scan read-only', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.closed)}`);
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main).toContain('De ronde is gesloten.');
		for (const gone of ['Meedoen kan tot en met', 'herinnering', 'Poster met QR-code']) expect(main).not.toContain(gone);
		expect(await page.getByTestId('short-link').count()).toBe(0);
		expect(await page.getByRole('heading', { name: 'Ronde beheren' }).count()).toBe(0);
		await page.goto(`${baseUrl}${roundPath(s.closed)}/owner-scan`);
		expect(await page.locator('input[type="radio"]').count()).toBeGreaterThan(0);
		expect(await page.locator('input[type="radio"]:enabled, textarea:enabled').count()).toBe(0);
	});

	it('says the answers were sent when a respondent goes Back after sending', async () => {
		const page = await signedIn('', { javaScriptEnabled: false });
		const survey = `${baseUrl}/s/${s.walk.linkToken}`;
		await page.goto(`${survey}/q/werk`);
		await page.locator('main').getByRole('group').first().getByLabel('Eens', { exact: true }).check();
		await page.getByRole('button', { name: 'Volgende' }).click();
		await page.waitForURL(/\/q\/ruimte$/);
		await page.goto(`${survey}/summary`);
		await page.getByRole('button', { name: 'Versturen' }).click();
		await page.waitForURL(`${survey}/thanks`);
		await page.goBack();
		await page.waitForURL(`${survey}/summary`);
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).not.toContain('Er staan geen antwoorden op dit apparaat');
		expect(text).not.toContain('Bijna klaar');
		expect(text).toContain('Je antwoorden zijn verstuurd');
	});

	it('writes exports without float noise, and names every download link apart', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.busy)}/export`);
		const links = page.locator('main a[download]');
		const seen = new Map<string, string>();
		for (let i = 0; i < (await links.count()); i++) {
			const name = ((await links.nth(i).textContent()) ?? '').trim();
			const href = (await links.nth(i).getAttribute('href')) ?? '';
			expect(seen.get(name) ?? href, `two links named "${name}"`).toBe(href);
			seen.set(name, href);
		}
		for (const file of ['report.csv', 'report-nl.csv']) {
			const csv = await (await page.context().request.get(`${baseUrl}${roundPath(s.busy)}/export/${file}`)).text();
			expect(csv, file).not.toMatch(/\d[.,]\d{5,}/);
		}
	});

	it('suggests a round name of this season, and warns when the firm is hardly larger than k', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${firmPath()}/rounds/new`);
		const now = new Date();
		const season = now.getUTCMonth() < 6 ? 'Voorjaar' : 'Najaar';
		expect(await page.locator('#field-name-hint').textContent()).toContain(`${season} ${now.getUTCFullYear()}`);
		expect(await page.getByTestId('few-employees').textContent()).toContain('6 medewerkers');
	});

	it('keeps chart labels inside the chart, and answers 410 for a used setup link', async () => {
		const page = await signedIn('olga@example.nl');
		await page.goto(`${baseUrl}${roundPath(s.busy)}/report`);
		const cut = await page.evaluate(() => {
			const outside: string[] = [];
			for (const svg of document.querySelectorAll('figure.lk-chart svg')) {
				const box = svg.getBoundingClientRect();
				for (const text of svg.querySelectorAll('text')) {
					const t = text.getBoundingClientRect();
					if (t.width === 0) continue;
					if ((text.textContent ?? '').includes('…')) outside.push(text.textContent ?? '');
					if (t.left < box.left - 1 || t.right > box.right + 1 || t.top < box.top - 1 || t.bottom > box.bottom + 1) outside.push(text.textContent ?? '');
				}
			}
			return outside;
		});
		expect(cut).toEqual([]);
		const response = await page.goto(`${baseUrl}/setup/${s.usedSetup}`);
		expect(response?.status()).toBe(410);
		expect(await page.locator('main').textContent()).toContain('werkt niet meer');
	});

	it('puts the numbers of the home page list inside its card', async () => {
		const page = await signedIn('');
		await page.goto(`${baseUrl}/`);
		const inside = await page.evaluate(() => {
			const list = document.querySelector('main ol.card');
			if (!list) return null;
			// A marker sits outside its item's box by the list's padding; the card's border is the list's own edge.
			const padding = parseFloat(getComputedStyle(list).paddingLeft);
			const item = list.querySelector('li');
			return { padding, markerRoom: item ? item.getBoundingClientRect().left - list.getBoundingClientRect().left : 0 };
		});
		expect(inside).not.toBeNull();
		expect(inside!.markerRoom).toBeGreaterThanOrEqual(32);

		// the signed-in home: the list of firms keeps the card's inner room too
		const owner = await signedIn('olga@example.nl', { width: 1280 });
		await owner.goto(`${baseUrl}/firms`);
		const room = await owner.evaluate(() => {
			const list = document.querySelector('[data-testid="firm-list"]')!;
			return list.querySelector('li a')!.getBoundingClientRect().left - list.getBoundingClientRect().left;
		});
		expect(room).toBeGreaterThanOrEqual(12);
	});
});

/** The pages a newcomer meets; `who` is the account that sees them ('' for nobody signed in). */
function pages(): { who: string; path: string }[] {
	const nobody = ['/', '/login', '/signup', `/setup/${s.freshSetup}`, '/method', '/privacy', `/s/${s.walk.linkToken}`, `/s/${s.walk.linkToken}/q/werk`, `/s/${s.walk.linkToken}/all`, `/s/${s.walk.linkToken}/summary`, `/s/${s.walk.linkToken}/thanks`, '/k', `/r/${s.walk.shortCode}`];
	const owner = [
		'/firms',
		firmPath(),
		`${firmPath()}/team`,
		`${firmPath()}/rounds/new`,
		`${firmPath()}/rounds/import`,
		roundPath(s.busy),
		roundPath(s.closed),
		roundPath(s.cards),
		`${roundPath(s.busy)}/owner-scan`,
		`${roundPath(s.closed)}/owner-scan`,
		`${roundPath(s.busy)}/report`,
		`${roundPath(s.early)}/report`,
		`${roundPath(s.busy)}/export`,
		`${roundPath(s.busy)}/close`,
		`${firmPath()}/data`,
		'/account',
		'/firms/new'
	];
	return [...nobody.map((path) => ({ who: '', path })), ...owner.map((path) => ({ who: 'olga@example.nl', path })), { who: 'beheer@example.nl', path: '/admin' }];
}

/**
 * axe-core cannot run in a page with JavaScript off, so that page's HTML is loaded again into a page where
 * only axe's script runs (the page's own scripts are blocked): axe checks exactly what a reader without
 * JavaScript gets.
 */
async function auditWithoutScripts(viewer: Page, url: string, html: string) {
	await viewer.unrouteAll();
	await viewer.route('**/*', (route) => {
		const request = route.request();
		if (request.isNavigationRequest() && request.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
		if (request.resourceType() === 'script') return route.abort();
		return route.continue();
	});
	await viewer.goto(url);
	await expectAccessible(viewer);
}

describe('every page passes axe', () => {
	for (const width of [360, 1280]) {
		for (const javaScriptEnabled of [true, false]) {
			it(`at ${width} px with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
				const viewers = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-NL' });
				contexts.push(viewers);
				const viewer = await viewers.newPage();
				const byAccount = new Map<string, Page>();
				for (const { who, path } of pages()) {
					let page = byAccount.get(who);
					if (!page) {
						page = await signedIn(who, { width, javaScriptEnabled });
						byAccount.set(who, page);
					}
					const response = await page.goto(`${baseUrl}${path}`);
					expect(response?.status(), path).toBeLessThan(400);
					if (javaScriptEnabled) await expectAccessible(page);
					else await auditWithoutScripts(viewer, page.url(), await page.content());
					const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
					expect(overflow, `sideways scrolling on ${path}`).toBeLessThanOrEqual(0);
				}
				// a card code, after the other pages: using it starts that card's questionnaire
				const respondent = byAccount.get('')!;
				await respondent.goto(`${baseUrl}/k/${s.code}`);
				if (javaScriptEnabled) await expectAccessible(respondent);
				else await auditWithoutScripts(viewer, respondent.url(), await respondent.content());
			}, 600_000);
		}
	}
});
