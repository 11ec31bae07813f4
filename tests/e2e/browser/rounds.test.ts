// An owner runs a scan round in real Chromium, 320 px wide and with JavaScript switched off: start it (after
// a mistake), read the round page, pause it, close it after confirming, and read answers from a CSV file.
// axe-core checks every page on the way, and no page may scroll sideways.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { uniqueEmail } from '../support/http-client';
import { linkFromMail } from '../support/mail';

let browser: Browser;
let context: BrowserContext;
let viewer: BrowserContext;
let page: Page;
const baseUrl = inject('baseUrl');

/**
 * axe-core cannot run in a page with JavaScript switched off, so the page as the owner sees it (its DOM,
 * served again from memory) is opened in a second context where our scripts may run but the page's own
 * scripts are blocked: axe then checks exactly what the owner without JavaScript gets.
 */
async function check(p: Page) {
	const url = p.url();
	const html = await p.content();
	const copy = await viewer.newPage();
	try {
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
	} finally {
		await copy.close();
	}
}

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 320, height: 720 }, locale: 'nl-NL', javaScriptEnabled: false });
	viewer = await browser.newContext({ viewport: { width: 320, height: 720 }, locale: 'nl-NL' });
	page = await context.newPage();
	await page.goto(`${baseUrl}/signup`);
	await page.getByLabel('Uw naam').fill('Rens Rondes');
	const email = uniqueEmail('rens');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel(/^Wachtwoord/).fill('koffie en een stroopwafel');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.waitForURL(`${baseUrl}/check-mail`);
	await page.goto(await linkFromMail(email, /verify-email/));
	await page.waitForURL(`${baseUrl}/firms`);
	await page.goto(`${baseUrl}/firms/new`);
	await page.getByLabel('Naam van het bedrijf').fill('Schildersbedrijf Rens');
	await page.getByLabel('Sector').selectOption('bouw');
	await page.getByLabel('Provincie').selectOption('zeeland');
	await page.getByLabel(/^Aantal medewerkers/).fill('9');
	await page.getByRole('button', { name: 'Bedrijf toevoegen' }).click();
	await page.waitForURL(/\/firms\/schildersbedrijf-rens$/);
});

afterAll(async () => {
	await context?.close();
	await viewer?.close();
	await browser?.close();
});

describe('an owner without JavaScript on a small phone', () => {
	it('starts a round after fixing a mistake, and finds the invitation on the round page', async () => {
		await check(page);
		await page.getByRole('link', { name: 'Nieuwe scanronde starten' }).click();
		await check(page);
		await page.getByLabel(/^Naam van de ronde/).fill('Najaar');
		await page.getByLabel(/^Laatste dag/).fill('2000-01-01');
		await page.getByLabel(/^Teams/).fill('Binnen\nBuiten');
		await page.getByRole('button', { name: 'Ronde starten' }).click();
		await expect.poll(() => page.locator('#field-closesOn-error').textContent()).toContain('niet vóór de eerste dag');
		await check(page);
		expect(await page.getByLabel(/^Naam van de ronde/).inputValue()).toBe('Najaar');
		expect(await page.getByLabel(/^Teams/).inputValue()).toBe('Binnen\nBuiten');

		await page.getByLabel(/^Laatste dag/).fill('2099-12-31');
		await page.getByRole('button', { name: 'Ronde starten' }).click();
		await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
		await check(page);
		expect((await page.getByTestId('employee-count').textContent())?.trim()).toBe('0 van de 9 uitgenodigd (0%)');
		expect(await page.getByTestId('short-link').textContent()).toMatch(/\/r\/[2-9A-HJKMNP-Z]{10}$/);
		expect(await page.getByLabel(/^Uitnodiging om te kopiëren/).inputValue()).toContain('minstens 5 mensen');
		expect(await page.getByRole('link', { name: /Poster met QR-code/ }).getAttribute('href')).toMatch(/\/poster\.pdf$/);
	});

	it('pauses and, after confirming, closes the round', async () => {
		await page.getByRole('button', { name: 'Ronde pauzeren' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('De ronde is gepauzeerd.');
		await check(page);
		await page.getByRole('link', { name: 'Ronde afsluiten…' }).click();
		await check(page);
		await page.getByRole('button', { name: 'Ja, ronde definitief afsluiten' }).click();
		await page.waitForURL(/\/rounds\/[0-9a-f-]{36}$/);
		expect(await page.getByTestId('round-note').textContent()).toContain('De ronde is gesloten.');
		expect(await page.getByRole('button', { name: /Ronde weer openen|Ronde pauzeren/ }).count()).toBe(0);
		await check(page);
	});

	it('reads answers from a file, and lists what to fix in a bad one', async () => {
		await page.goto(`${baseUrl}/firms/schildersbedrijf-rens/rounds/import`);
		await check(page);
		await page.getByLabel(/^Naam van de ronde/).fill('Op papier');
		await page.getByLabel(/^CSV-bestand/).setInputFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from('perspective;werk_1\nemployee;7\n') });
		await page.getByRole('button', { name: 'Antwoorden inlezen' }).click();
		await expect.poll(() => page.getByTestId('import-problems').textContent()).toContain('Regel 2, kolom werk_1:');
		await check(page);

		await page.getByLabel(/^CSV-bestand/).setInputFiles({ name: 'goed.csv', mimeType: 'text/csv', buffer: Buffer.from('perspective;werk_1\nemployee;4\nemployee;5\n') });
		await page.getByRole('button', { name: 'Antwoorden inlezen' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('2 antwoorden ingelezen in de ronde Op papier.');
		await check(page);
		await page.getByRole('link', { name: 'Naar de ronde' }).click();
		await check(page);
		expect((await page.getByTestId('employee-count').textContent())?.trim()).toBe('2 (ingelezen uit een bestand, dus zonder aantal uitgenodigd)');
	});
});
