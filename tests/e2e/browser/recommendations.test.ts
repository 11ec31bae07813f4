// An owner in real Chromium says what worries them most on the firm's settings page, and then finds, on the
// report, a tip whose reason names that worry. axe-core checks the settings page and the report's new section.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { uniqueEmail } from '../support/http-client';
import { ReportSession } from '../support/report-seed';

let browser: Browser;
const baseUrl = inject('baseUrl');
const email = uniqueEmail('eigenaar-tips');
const password = 'koffie en een stroopwafel';
let firm = '';
let reportUrl = '';

beforeAll(async () => {
	const owner = await ReportSession.signUp('Tom Eigenaar', email, password);
	firm = await owner.createFirm('Installatiebedrijf Tom');
	const round = await owner.importAnswers(firm, 'Najaar 2026', 12, { owners: 1, seed: 21 });
	reportUrl = `${baseUrl}/firms/${firm}/rounds/${round}/report`;
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

async function signIn(page: Page) {
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel(/^Wachtwoord/).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('the owner\u2019s worry leads to a tip on the report', () => {
	let context: BrowserContext;
	afterAll(async () => {
		await context?.close();
	});

	it('is set on the settings page and named in the reason of a tip', async () => {
		context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
		const page = await context.newPage();
		await signIn(page);
		await page.goto(`${baseUrl}/firms/${firm}`);
		await page.getByRole('link', { name: 'Bedrijfsgegevens wijzigen' }).click();
		await page.waitForURL(`${baseUrl}/firms/${firm}/settings`);
		await expectAccessible(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		const worry = page.getByRole('group', { name: 'Wat houdt u het meest bezig?' });
		await worry.getByLabel('Nieuwe mensen goed inwerken').check();
		await page.getByLabel(/^Provincie/).selectOption('overijssel');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('De bedrijfsgegevens zijn opgeslagen.');
		expect(await worry.getByLabel('Nieuwe mensen goed inwerken').isChecked()).toBe(true);
		await expectAccessible(page);

		await page.goto(reportUrl);
		const advice = page.locator('#lk-advice');
		await expect.poll(() => advice.getByRole('heading', { level: 2 }).textContent()).toBe('Wat kunt u doen?');
		const tips = advice.locator('ol.lk-recommendations > li');
		expect(await tips.count()).toBeGreaterThanOrEqual(1);
		expect(await tips.count()).toBeLessThanOrEqual(5);
		await expect.poll(() => advice.textContent()).toContain('u zich zorgen maakt over het inwerken van nieuwe mensen');
		const link = tips.first().getByRole('link');
		expect(await link.getAttribute('href')).toMatch(/^\/knowledge\/[a-z0-9-]+$/);
		expect(await advice.textContent()).toContain('Waarom deze tips?');
		await expectAccessible(page);

		// "Waarom deze tips?" links to the exact rule, rendered from docs/recommendations.md.
		await advice.getByRole('link', { name: 'De rekenregel precies (in het Engels)' }).click();
		await page.waitForURL(`${baseUrl}/method/recommendations`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Recommendations');
		await expectAccessible(page);
	});

	it('keeps what was typed when a field is wrong, at desktop width', async () => {
		const desktop = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
		const page = await desktop.newPage();
		await signIn(page);
		await page.goto(`${baseUrl}/firms/${firm}/settings`);
		// Only spaces pass the browser's own check, so the server's message is what the owner sees.
		await page.getByLabel(/^Naam van het bedrijf/).fill('   ');
		await page.getByLabel(/^Aantal medewerkers/).fill('17');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
		expect(await page.getByLabel(/^Aantal medewerkers/).inputValue()).toBe('17');
		expect(await page.getByRole('group', { name: 'Wat houdt u het meest bezig?' }).getByLabel('Nieuwe mensen goed inwerken').isChecked()).toBe(true);
		await expectAccessible(page);
		await desktop.close();
	});
});
