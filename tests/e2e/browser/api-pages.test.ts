// The pages around the API, in Chromium with axe: the account's API keys (make one, see it once, revoke it),
// the API page rendered from the OpenAPI document, and the intranet button on a round's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, expectAccessible } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { password, seedApi } from '../http/api-seed';

const screenshots = process.env.LEERKOMPAS_SCREENSHOTS;
const server = useSeededServer(seedApi);
let browser: Browser;
let page: Page;

beforeAll(async () => {
	browser = await launchBrowser();
	const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'nl-NL', javaScriptEnabled: true });
	page = await context.newPage();
	await page.goto(`${server.baseUrl}/login`);
	await page.getByLabel('E-mailadres').first().fill(server.seeded.people.owner.email);
	await page.getByLabel(/^Wachtwoord/).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
});
afterAll(async () => {
	await browser?.close();
});

async function shot(name: string) {
	if (screenshots) await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

describe('API pages', () => {
	it('makes an API key, shows it once, and revokes it', async () => {
		await page.goto(`${server.baseUrl}/account/tokens`);
		await expectAccessible(page);
		await shot('api-tokens');
		await page.getByLabel('Naam van de sleutel').fill('Ons HR-systeem');
		await page.getByLabel('Bakkerij Olga').check();
		await page.getByRole('button', { name: 'Sleutel maken' }).click();
		const secret = await page.getByTestId('new-token').textContent();
		expect(secret).toMatch(/^lk_/);
		await expectAccessible(page);
		await shot('api-tokens-created');
		await page.goto(`${server.baseUrl}/account/tokens`);
		expect(await page.content()).not.toContain(secret!);
		const row = page.locator('tr', { hasText: 'Ons HR-systeem' });
		await row.getByRole('button', { name: 'Intrekken' }).click();
		await expect.poll(() => page.locator('tr', { hasText: 'Ons HR-systeem' }).textContent()).toContain('ingetrokken');
		const res = await fetch(`${server.baseUrl}/api/v1/firms`, { headers: { authorization: `Bearer ${secret}` } });
		expect(res.status).toBe(401);
	});

	it('shows the API page from the OpenAPI document', async () => {
		await page.goto(`${server.baseUrl}/api/docs`);
		await expectAccessible(page);
		expect(await page.getByRole('heading', { name: 'POST /api/v1/firms/{slug}/rounds', exact: true }).count()).toBe(1);
		// In Dutch, like the other pages for this browser: the operations' own words too, not only the headings.
		expect(await page.getByRole('heading', { name: 'Wat de API kan', exact: true }).count()).toBe(1);
		expect(await page.getByText('Een scanronde starten', { exact: true }).count()).toBe(1);
		await shot('api-docs');
	});

	it('gives the round\u2019s holder a button for the intranet: a plain link to the short link', async () => {
		await page.goto(`${server.baseUrl}/firms/${server.seeded.firm.slug}/rounds/${server.seeded.round.id}`);
		await expectAccessible(page);
		const code = await page.getByTestId('embed-code').inputValue();
		const link = page.getByTestId('embed-preview').getByRole('link');
		const href = await link.getAttribute('href');
		expect(href).toMatch(new RegExp(`/r/${server.seeded.round.shortCode}$`));
		expect(code).toContain(`href="${href}"`);
		expect(code).not.toMatch(/<script/i);
		await shot('api-embed');
	});
});
