// An owner opens the report of a seeded round in real Chromium, on a phone-sized screen: every chart
// has its table, hidden groups say why, the tables open by keyboard, and axe-core finds no violation.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { uniqueEmail } from '../support/http-client';
import { ReportSession } from '../support/report-seed';

let browser: Browser;
let context: BrowserContext;
const baseUrl = inject('baseUrl');
const email = uniqueEmail('eigenaar-rapport');
const password = 'koffie en een stroopwafel';
let reportUrl = '';
let smallUrl = '';

beforeAll(async () => {
	const owner = await ReportSession.signUp('Els Eigenaar', email, password);
	const firm = await owner.createFirm('Timmerbedrijf Els');
	const round = await owner.importAnswers(firm, 'Voorjaar 2026', 14, { owners: 1, seed: 11 });
	const small = await owner.importAnswers(firm, 'Kleine ronde', 2, { owners: 1, seed: 12 });
	reportUrl = `${baseUrl}/firms/${firm}/rounds/${round}/report`;
	smallUrl = `${baseUrl}/firms/${firm}/rounds/${small}/report`;
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

async function signIn(page: Page) {
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel(/^Wachtwoord/).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('an owner reads the report', () => {
	it('shows every chart with its table, and passes axe', async () => {
		const page = await context.newPage();
		await signIn(page);
		await page.goto(reportUrl);
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Timmerbedrijf Els: Voorjaar 2026');
		await expectAccessible(page);

		const figures = page.locator('figure.lk-chart');
		const count = await figures.count();
		// the summary, six aspects, four breakdowns and two charts about learning
		expect(count).toBe(13);
		for (let i = 0; i < count; i++) {
			const figure = figures.nth(i);
			const title = (await figure.locator('figcaption').textContent()) ?? '';
			const hasPicture = (await figure.locator('svg[role="img"]').count()) === 1;
			const hasNothingToDraw = (await figure.getByText('te weinig antwoorden om hier een grafiek te tekenen').count()) === 1;
			expect(hasPicture || hasNothingToDraw, title).toBe(true);
			const caption = figure.locator('table caption');
			expect(await caption.count(), title).toBe(1);
			expect(await caption.textContent()).toBe(title);
			expect(await figure.locator('table tbody tr').count(), title).toBeGreaterThan(0);
		}

		// a table opens with the keyboard
		const first = figures.first();
		await first.locator('summary').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => first.locator('table').isVisible()).toBe(true);
		await expectAccessible(page);

		await expect.poll(() => page.locator('#lk-contrasts').textContent()).toContain('verborgen om niemand herkenbaar te maken');
		await expect.poll(() => page.locator('#lk-method').textContent()).toContain('Anonimiteit (k = 5)');
		const pdfLink = page.getByRole('link', { name: 'Download als PDF' });
		expect(await pdfLink.getAttribute('href')).toMatch(/\/report\/report\.pdf$/);
		// nothing is wider than a phone screen, so nobody has to scroll sideways to read
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	});

	it('explains, below k answers, why there are no figures yet and what to do instead', async () => {
		const page = await context.newPage();
		await page.goto(smallUrl);
		await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('Nog geen cijfers van uw medewerkers');
		expect(await page.locator('#lk-next-version').count()).toBe(0);
		expect(await page.getByText('Vul de stellingen zelf in', { exact: false }).count()).toBe(1);
		expect(await page.locator('#lk-summary').count()).toBe(0);
		await expectAccessible(page);
	});
});
