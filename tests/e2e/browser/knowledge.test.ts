// The knowledge base on a server of its own: a visitor searches without JavaScript on a phone, an admin edits an
// entry and finds the new version in its history, and every role but admins and coordinators is kept out of
// the editor and never sees a draft. axe-core checks each new page, with JavaScript off and on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { entryFolder, FIXTURE_ENTRIES, makeEntry } from '../../helpers/knowledge-fixtures';
import { adviserGrant, firmMember, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { loadEntryFiles } from '../../../src/lib/server/knowledge/load-entry-files';
import { saveEntry } from '../../../src/lib/server/knowledge/save-entry';

const password = 'koffie en een stroopwafel';

async function seed(db: Database) {
	const folder = entryFolder(FIXTURE_ENTRIES);
	try {
		await loadEntryFiles(db, folder.dir, { source: 'import' });
	} finally {
		folder.remove();
	}
	const admin = await makeSignInUser(db, 'beheer@example.nl', password, 'Bea Beheer');
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, admin.id));
	const coordinator = await makeSignInUser(db, 'netwerk@example.nl', password, 'Carla Coördinator');
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, coordinator.id));
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	const manager = await makeSignInUser(db, 'mo@example.nl', password, 'Mo Manager');
	const adviser = await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur');
	const former = await makeSignInUser(db, 'fenna@example.nl', password, 'Fenna Oud-adviseur');
	// Someone with an account and nothing to do with the firm or the knowledge base.
	await makeSignInUser(db, 'otto@example.nl', password, 'Otto Buiten');
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: owner.id });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: former.id, kind: 'adviser', grantedBy: owner.id, revokedAt: new Date() });
	// A draft that was never published, and a published entry with a newer draft waiting.
	await saveEntry(db, { entry: makeEntry({ slug: 'geheim-concept', title: 'Kennisdeling aan de koffietafel', body: 'Nog niet af.' }), publish: false, userId: coordinator.id });
	await saveEntry(db, { entry: { ...FIXTURE_ENTRIES[2]!, title: 'Fouten bespreken, nog een concept' }, publish: false, userId: coordinator.id, baseVersion: 1 });
	return {};
}

const server = useSeededServer(seed);
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

async function newContext(options: { javaScript: boolean; width: number }): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: options.width, height: 800 }, locale: 'nl-NL', javaScriptEnabled: options.javaScript });
	contexts.push(context);
	return context;
}

/** axe cannot run without JavaScript: the page as served is checked in a context that blocks the page's own scripts. */
async function checkWithoutScripts(p: Page) {
	const viewer = await newContext({ javaScript: true, width: p.viewportSize()?.width ?? 360 });
	const url = p.url();
	const html = await p.content();
	const copy = await viewer.newPage();
	await copy.route('**/*', (route) => {
		const request = route.request();
		if (request.isNavigationRequest() && request.url() === url) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
		if (request.resourceType() === 'script') return route.abort();
		return route.continue();
	});
	await copy.goto(url);
	await expectAccessible(copy);
	const overflow = await copy.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow, `sideways scrolling on ${url}`).toBeLessThanOrEqual(0);
	await copy.close();
}

async function signedIn(email: string): Promise<HttpSession> {
	const session = new HttpSession(baseUrl);
	expect((await session.post('/login?/password', { email, password })).status).toBe(303);
	return session;
}

describe('a visitor without JavaScript on a phone', () => {
	it('finds an entry despite a typing mistake, narrows with a filter, and reads it', async () => {
		const page = await (await newContext({ javaScript: false, width: 360 })).newPage();
		await page.goto(`${baseUrl}/`);
		await page.getByRole('link', { name: 'Kennisbank' }).first().click();
		await page.waitForURL(`${baseUrl}/knowledge`);
		await checkWithoutScripts(page);
		await expect.poll(() => page.getByRole('heading', { level: 2, name: /resultaten$/ }).textContent()).toMatch(/^\d+ resultaten$/);
		expect(await page.content()).not.toContain('Kennisdeling aan de koffietafel');

		await page.getByLabel('Zoek in de kennisbank').fill('leerambasadeur');
		await page.getByRole('button', { name: 'Zoeken' }).first().click();
		await page.waitForURL(/\/knowledge\?q=leerambasadeur/);
		// The starter set has its own entries about learning ambassadors; the imported one is among them.
		expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toContain('Een leerambassadeur in het team');

		await page.getByLabel('Zoek in de kennisbank').fill('opleidingen');
		// The counts say what each choice gives for these words.
		const sectorOptions = await page.getByLabel('Sector').locator('option').allTextContents();
		expect(sectorOptions.find((o) => o.startsWith('Bouw'))).toMatch(/^Bouw \(\d+\)$/);
		await page.getByLabel('Sector').selectOption('horeca');
		await page.getByRole('button', { name: 'Zoeken' }).last().click();
		await page.waitForURL(/sector=horeca/);
		expect(await page.getByLabel('Sector').inputValue()).toBe('horeca');
		expect(await page.getByRole('link', { name: 'Een plan voor de opleiding van iedereen' }).count()).toBe(0);
		await page.getByLabel('Sector').selectOption('bouw');
		await page.getByRole('button', { name: 'Zoeken' }).last().click();
		await page.getByRole('link', { name: 'Een plan voor de opleiding van iedereen' }).click();
		await page.waitForURL(`${baseUrl}/knowledge/opleidingsplan`);
		await checkWithoutScripts(page);
		const text = await page.locator('main').innerText();
		expect(text).toContain('Tussen 500 en 2.500 euro voor uw bedrijf.');
		expect(text).toContain('Bedrijven werken er zo mee en hebben er goede ervaring mee.');
		expect(await page.getByRole('link', { name: 'Een bron' }).getAttribute('href')).toBe('https://example.org/bron');
		expect(await page.getByRole('link', { name: 'Dit stuk bewerken' }).count()).toBe(0);
		await page.screenshot({ path: 'tmp/knowledge-entry-360.png', fullPage: true });
	});
});

describe('an admin editing an entry', () => {
	it('previews without saving, publishes a new version and finds it in the history', async () => {
		const context = await newContext({ javaScript: true, width: 1200 });
		const page = await context.newPage();
		await page.goto(`${baseUrl}/login`);
		await page.getByLabel('E-mailadres').first().fill('beheer@example.nl');
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));

		await page.goto(`${baseUrl}/knowledge`);
		expect(await page.getByRole('link', { name: 'Kennisdeling aan de koffietafel' }).count()).toBe(1);
		await expectAccessible(page);
		await page.screenshot({ path: 'tmp/knowledge-list-desktop.png', fullPage: true });

		await page.goto(`${baseUrl}/knowledge/leerambassadeur`);
		await page.getByRole('link', { name: 'Dit stuk bewerken' }).click();
		await page.waitForURL(`${baseUrl}/knowledge/leerambassadeur/edit`);
		await expectAccessible(page);
		await page.getByLabel('Titel', { exact: true }).fill('Leerambassadeur: een collega die leren op gang brengt');
		await page.getByLabel(/^Tekst/).fill('## Hoe begint u?\n\nVraag wie het **leuk** vindt. <script>alert(1)</script>');
		await page.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
		await expect.poll(() => page.getByRole('heading', { name: 'Voorbeeld van de tekst' }).count()).toBe(1);
		expect(await page.locator('.preview strong').textContent()).toBe('leuk');
		expect(await page.locator('.preview').innerText()).toContain('<script>alert(1)</script>');
		expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe('Leerambassadeur: een collega die leren op gang brengt');
		await expectAccessible(page);

		// A mistake: no aspect ticked. The message says what to fix and the text stays.
		for (const box of await page.locator('input[name="aspects"]').all()) await box.uncheck();
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await expect.poll(() => page.getByText('Kies 1, 2 of 3 onderdelen.').count()).toBe(1);
		expect(await page.getByLabel(/^Tekst/).inputValue()).toContain('Vraag wie het **leuk** vindt.');
		await expectAccessible(page);
		await page.getByLabel('Samen leren', { exact: false }).first().check();
		await page.getByRole('button', { name: 'Publiceren' }).click();
		await page.waitForURL(/\/knowledge\/leerambassadeur\/edit\?saved=published/);
		expect(await page.getByRole('status').textContent()).toContain('Gepubliceerd (versie 2)');

		await page.goto(`${baseUrl}/knowledge/leerambassadeur`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Leerambassadeur: een collega die leren op gang brengt');
		expect(await page.locator('main').innerHTML()).not.toContain('<script>alert');

		await page.getByRole('link', { name: 'Geschiedenis' }).click();
		await page.waitForURL(`${baseUrl}/knowledge/leerambassadeur/history`);
		await expectAccessible(page);
		const rows = await page.locator('tbody tr').allInnerTexts();
		expect(rows[0]).toMatch(/Bekijk versie 2.*gepubliceerd.*Bea Beheer.*Titel.*Onderdelen van leercultuur.*Tekst/s);
		expect(rows[1]).toMatch(/Bekijk versie 1.*import van leerambassadeur\.md.*Nieuw stuk/s);
		await page.screenshot({ path: 'tmp/knowledge-history-desktop.png', fullPage: true });
		await page.getByRole('link', { name: 'Bekijk versie 1' }).click();
		await page.waitForURL(`${baseUrl}/knowledge/leerambassadeur/history/1`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Een leerambassadeur in het team, versie 1');
		await expectAccessible(page);

		await page.goto(`${baseUrl}/knowledge/new`);
		await expectAccessible(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await page.screenshot({ path: 'tmp/knowledge-new-360.png', fullPage: true });
	});
});

describe('who may edit and who sees drafts', () => {
	const editorPaths = ['/knowledge/new', '/knowledge/geheim-concept/edit', '/knowledge/fouten-bespreken/edit', '/knowledge/fouten-bespreken/history', '/knowledge/fouten-bespreken/history/2'];
	const entryForm = { intent: 'publish', title: 'Overgenomen', summary: 'x', summaryEn: 'x', kind: 'werkvorm', aspects: 'samen', targetGroup: 'x', sizes: '1-9', sectorScope: 'all', evidence: 'praktijkervaring', cost: 'geen', time: 'x', funding: 'geen', sources: 'Bron | https://example.org', body: 'x', baseVersion: '2' };

	it('lets admins and coordinators open the editor', async () => {
		for (const email of ['beheer@example.nl', 'netwerk@example.nl']) {
			const editor = await signedIn(email);
			for (const path of editorPaths) expect((await editor.get(path)).status, `${email} ${path}`).toBe(200);
			expect(await (await editor.get('/knowledge')).text()).toContain('Kennisdeling aan de koffietafel');
		}
	});

	it('keeps owners, managers, advisers with and without consent and outsiders out of the editor and the drafts', async () => {
		for (const email of ['olga@example.nl', 'mo@example.nl', 'ada@example.nl', 'fenna@example.nl', 'otto@example.nl']) {
			const session = await signedIn(email);
			for (const path of editorPaths) expect((await session.get(path)).status, `${email} ${path}`).toBe(404);
			expect((await session.post('/knowledge/fouten-bespreken/edit', entryForm)).status, email).toBe(404);
			expect((await session.post('/knowledge/new', { ...entryForm, slug: 'van-een-buitenstaander' })).status, email).toBe(404);
			await expectNoDrafts(session);
		}
	});

	it('sends someone not signed in to sign in for the editor, and shows no draft', async () => {
		const anonymous = new HttpSession(baseUrl);
		for (const path of editorPaths) {
			const res = await anonymous.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location')).toContain('/login?returnTo=');
		}
		expect((await anonymous.post('/knowledge/fouten-bespreken/edit', entryForm)).status).toBe(303);
		await expectNoDrafts(anonymous);
		// Nothing was changed by any of these posts.
		expect(await (await anonymous.get('/knowledge/fouten-bespreken')).text()).toContain('Leren van fouten bespreken');
		expect((await anonymous.get('/knowledge/van-een-buitenstaander')).status).toBe(404);
	});
});

async function expectNoDrafts(session: HttpSession) {
	expect((await session.get('/knowledge/geheim-concept')).status).toBe(404);
	const list = await (await session.get('/knowledge')).text();
	expect(list).not.toContain('Kennisdeling aan de koffietafel');
	expect(list).not.toContain('nog een concept');
	expect(await (await session.get('/knowledge?q=koffietafel')).text()).toContain('Niets gevonden');
	const entry = await (await session.get('/knowledge/fouten-bespreken')).text();
	expect(entry).toContain('Leren van fouten bespreken');
	expect(entry).not.toContain('nog een concept');
}
