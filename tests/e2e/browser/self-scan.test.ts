// The personal self-scan (issue 13) as a worker meets it: a 360 px phone with JavaScript off opens the firm's
// link, answers, sees the overview, downloads the PDF, keeps it under a private link, comes back by that link
// and deletes it; axe-core checks each page. Then every role of the firm (owner, co-manager, adviser with and
// without consent, admin, outsider) tries to reach a kept scan without its link, and the database is read to
// check that it holds no answer in the clear.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { pdfPlainText } from '../../helpers/pdf-text';
import { adviserGrant, firmMember, keptSelfScan, user } from '../../../src/lib/server/db/schema';
import { firmSelfScanLink } from '../../../src/lib/server/self-scan/firm-self-scan-link';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const proud = 'Ik heb de nieuwe lasrobot als eerste goed ingesteld';
const wentWell = 'De verbouwing van de school was op tijd klaar';
const secretInHttp = 'Mijn geheime wens is een eigen werkplaats';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	const manager = await makeSignInUser(db, 'mees@example.nl', password, 'Mees Mede');
	const adviser = await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur');
	const formerAdviser = await makeSignInUser(db, 'wim@example.nl', password, 'Wim Was-adviseur');
	const admin = await makeSignInUser(db, 'beheer@example.nl', password, 'Bea Beheer');
	await makeSignInUser(db, 'otto@example.nl', password, 'Otto Buiten');
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, admin.id));
	// Three employees: too few for an anonymous report, so the self-scan is what the workers get.
	const firm = await makeFirm(db, { name: 'Lasbedrijf Olga', ownerId: owner.id, employees: 3 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: formerAdviser.id, kind: 'adviser', grantedBy: owner.id, revokedAt: new Date() });
	const link = await firmSelfScanLink(db, firm.id, 5);
	return { firm, firmToken: link.token };
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

async function phone(options: { javaScriptEnabled: boolean; width?: number }): Promise<{ page: Page; scripts: string[] }> {
	const context = await browser.newContext({ viewport: { width: options.width ?? 360, height: 740 }, locale: 'nl-NL', javaScriptEnabled: options.javaScriptEnabled, acceptDownloads: true });
	contexts.push(context);
	const page = await context.newPage();
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	return { page, scripts };
}

/** axe cannot run where JavaScript is off: the same HTML goes into a page where only axe's script runs. */
async function audit(html: string, url: string) {
	const { page: viewer } = await phone({ javaScriptEnabled: true });
	await viewer.route('**/*', (route) => {
		const request = route.request();
		if (request.isNavigationRequest() && request.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
		if (request.resourceType() === 'script') return route.abort();
		return route.continue();
	});
	await viewer.goto(url);
	await expectAccessible(viewer);
	await viewer.context().close();
}

async function session(email: string): Promise<HttpSession> {
	const http = new HttpSession(baseUrl);
	const res = await http.post('/login?/password', { email, password });
	if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return http;
}

let privateLink = '';

describe('a worker without JavaScript', () => {
	it('answers, sees the overview strengths first, gets the PDF, keeps it and comes back by the private link', async () => {
		const { page, scripts } = await phone({ javaScriptEnabled: false });
		await page.goto(`${baseUrl}/self-scan?f=${s.firmToken}`);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Jouw leren: de zelfscan');
		await expect(page.getByText('Je kreeg deze link van je werkgever').count()).resolves.toBe(1);
		await page.screenshot({ path: 'test-results/selfscan-360-questions.png', fullPage: true });
		await audit(await page.content(), page.url());

		// An empty page is refused with a plain message, not an error page.
		await page.getByRole('button', { name: 'Bekijk mijn overzicht' }).click();
		await expect(page.getByRole('alert').textContent()).resolves.toContain('Vul minstens één vraag in');

		await page.getByLabel('Wat ging het afgelopen jaar goed in je werk?').fill(wentWell);
		await page.getByLabel('Waar ben je trots op?').fill(proud);
		await page.getByRole('group', { name: 'Hoe leer je het liefst?' }).getByLabel('Van een ervaren collega').check();
		await page.getByRole('group', { name: 'Wat staat je leren in de weg?' }).getByLabel('Geen tijd, het werk gaat voor').check();
		await page.getByRole('button', { name: 'Bekijk mijn overzicht' }).click();

		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Jouw overzicht');
		const text = (await page.locator('main').textContent()) ?? '';
		expect(text).toContain(proud);
		expect(text).toContain('We hebben nog niets bewaard');
		expect(text.indexOf('Wat goed gaat')).toBeGreaterThanOrEqual(0);
		expect(text.indexOf('Wat goed gaat')).toBeLessThan(text.indexOf('Wat in de weg zit'));
		// Suggestions from the knowledge base, each linking to its page (which ones depends on the starter set).
		const suggestions = (await page.getByTestId('suggestions').locator('h3 a[href^="/knowledge/"]').allTextContents()).map((t) => t.trim());
		expect(suggestions.length).toBeGreaterThan(0);
		expect(suggestions.length).toBeLessThanOrEqual(3);
		await page.screenshot({ path: 'test-results/selfscan-360-result.png', fullPage: true });
		await audit(await page.content(), page.url());

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download als PDF' }).click()]);
		const pdf = await pdfPlainText(new Uint8Array(await readFile((await download.path())!)));
		expect(pdf).toContain(proud);
		// The PDF names the first suggestion (its first word: a long title may wrap).
		expect(pdf).toContain(suggestions[0]!.split(' ')[0]!);

		await page.getByRole('button', { name: 'Bewaren' }).click();
		await page.waitForURL(/\/self-scan\/k\/[A-Za-z0-9_-]{64}\?kept$/);
		await expect(page.getByRole('status').first().textContent()).resolves.toContain('Je zelfscan is bewaard');
		privateLink = ((await page.getByTestId('private-link').textContent()) ?? '').trim();
		expect(privateLink).toBe(page.url().replace(/\?kept$/, ''));
		expect(await page.locator('main').textContent()).toContain('ben je de link kwijt, dan ben je je zelfscan kwijt');
		await page.screenshot({ path: 'test-results/selfscan-360-kept.png', fullPage: true });
		await audit(await page.content(), page.url());
		expect(scripts).toEqual([]);

		// Another day, another browser: the link alone brings it back, and its PDF.
		const { page: later } = await phone({ javaScriptEnabled: false, width: 1280 });
		await later.goto(privateLink);
		expect(await later.locator('main').textContent()).toContain(wentWell);
		await later.screenshot({ path: 'test-results/selfscan-desktop-kept.png', fullPage: true });
		const pdfResponse = await fetch(`${privateLink}/self-scan.pdf`);
		expect(pdfResponse.status).toBe(200);
		expect(pdfResponse.headers.get('cache-control')).toBe('private, no-store');
		expect(await pdfPlainText(new Uint8Array(await pdfResponse.arrayBuffer()))).toContain(proud);
	});

	it('tells the firm only that fewer than k used its link', async () => {
		const owner = await session('olga@example.nl');
		const html = await (await owner.get(`/firms/${s.firm.slug}`)).text();
		const used = html.match(/data-testid="self-scan-used">([\s\S]*?)<\/p>/)?.[1]?.replace(/<!--[^>]*-->/g, '').trim();
		expect(used).toBe('Minder dan 5 mensen deden de zelfscan via deze link.');
		expect(html).toContain(`/self-scan?f=${s.firmToken}`);
		expect(html).not.toContain(proud);
	});
});

describe('nobody reaches a kept self-scan without its link', () => {
	let keptPath = '';

	beforeAll(async () => {
		const worker = new HttpSession(baseUrl);
		const res = await worker.post('/self-scan?/keep', { wantToLearn: secretInHttp, learnWays: 'course' });
		expect(res.status).toBe(303);
		keptPath = new URL(res.headers.get('location')!, baseUrl).pathname;
		expect((await worker.get(keptPath)).status).toBe(200);
	});

	const roles = [
		['the owner', 'olga@example.nl', true],
		['a co-manager', 'mees@example.nl', true],
		['an adviser with consent', 'ada@example.nl', true],
		['an adviser whose consent was withdrawn', 'wim@example.nl', false],
		['an admin', 'beheer@example.nl', false],
		['an outsider', 'otto@example.nl', false]
	] as const;

	for (const [who, email, seesFirm] of roles) {
		it(`${who} finds nothing of it on any page they may see, and no other link opens it`, async () => {
			const http = await session(email);
			const firmPage = await http.get(`/firms/${s.firm.slug}`);
			expect(firmPage.status).toBe(seesFirm ? 200 : 404);
			for (const path of [`/firms/${s.firm.slug}`, `/api/firms/${s.firm.slug}`, `/firms/${s.firm.slug}/data`, '/firms', '/admin', '/account']) {
				const body = await (await http.get(path)).text();
				expect(body, path).not.toContain(secretInHttp);
				expect(body, path).not.toContain(keptPath.slice('/self-scan/k/'.length));
			}
			// A link of the right shape that is not this one opens nothing, signed in or not.
			const guess = keptPath.slice(0, -4) + (keptPath.endsWith('AAAA') ? 'BBBB' : 'AAAA');
			expect((await http.get(guess)).status).toBe(404);
			expect((await http.get(`${guess}/self-scan.pdf`)).status).toBe(404);
			expect((await http.post(`${guess}?/delete`, {})).status).toBe(404);
		});
	}

	it('someone not signed in gets nothing from a wrong link either', async () => {
		const anonymous = new HttpSession(baseUrl);
		expect((await anonymous.get('/self-scan/k/short')).status).toBe(404);
		expect((await anonymous.get(`/self-scan/k/${'A'.repeat(64)}`)).status).toBe(404);
	});
});

describe('deleting', () => {
	it('removes the kept scan at once: the link opens nothing after', async () => {
		const { page } = await phone({ javaScriptEnabled: false });
		await page.goto(privateLink);
		await page.getByRole('button', { name: 'Zelfscan weggooien' }).click();
		await page.waitForURL(/\/self-scan\/deleted$/);
		expect(await page.locator('main').textContent()).toContain('Je zelfscan is weggegooid');
		const again = await page.goto(privateLink);
		expect(again?.status()).toBe(404);
		expect(await page.locator('main').textContent()).toContain('Deze link opent geen zelfscan');
	});

	it('leaves only sealed rows in the database: no answer, no key, no firm', async () => {
		const rows = await server.inspect((db) => db.select().from(keptSelfScan));
		expect(rows).toHaveLength(1); // the one kept over HTTP; the worker's own was deleted
		const stored = JSON.stringify(rows);
		for (const secret of [secretInHttp, 'course', proud, s.firm.id]) expect(stored).not.toContain(secret);
	});
});
