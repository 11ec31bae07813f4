// Pages are rendered on the server and work before their script has started; on a slow phone people type
// in that moment. What they typed must still be there once the script has taken the page over (it was lost
// at hydration when a field's value was bound: the sign-in then looked like it did nothing).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser';

let browser: Browser;
const baseUrl = inject('baseUrl');

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
});

describe('typing before the page script has started', () => {
	it('keeps what was typed in the sign-in form, and the form still signs in', async () => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
		const page = await context.newPage();
		let releaseScripts: () => void = () => {};
		const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await scriptsHeld;
			await route.continue();
		});
		try {
			await page.goto(`${baseUrl}/login`, { waitUntil: 'domcontentloaded' });
			await page.getByLabel('E-mailadres').first().fill('iemand@example.nl');
			await page.getByLabel(/^Wachtwoord/).fill('niet het goede wachtwoord');
			releaseScripts();
			// The app marks nothing when it has started; the last script request settling is the sign.
			await page.waitForLoadState('networkidle');
			await page.waitForFunction(() => document.querySelectorAll('script[type="module"], link[rel="modulepreload"]').length > 0);
			expect(await page.getByLabel('E-mailadres').first().inputValue()).toBe('iemand@example.nl');
			expect(await page.getByLabel(/^Wachtwoord/).inputValue()).toBe('niet het goede wachtwoord');
			await page.getByRole('button', { name: 'Inloggen' }).click();
			await expect.poll(async () => (await page.getByRole('alert').textContent()) ?? '', { timeout: 30_000 }).toMatch(/\S/);
		} finally {
			await context.close();
		}
	});
});
