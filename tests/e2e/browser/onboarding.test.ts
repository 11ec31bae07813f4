// A newcomer's first half hour, in real Chromium on a phone-sized screen: the first admin, an owner and
// a firm, an adviser who gets access and loses it again. axe-core checks every page on the way.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { uniqueEmail } from '../support/http-client';
import { linkFromMail, mailsTo } from '../support/mail';

let browser: Browser;
const contexts: BrowserContext[] = [];
const baseUrl = inject('baseUrl');

async function newPage(): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
	contexts.push(context);
	return context.newPage();
}

async function signUp(page: Page, name: string, email: string) {
	await page.goto(`${baseUrl}/signup`);
	await expectAccessible(page);
	await page.getByLabel('Uw naam').fill(name);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel(/^Wachtwoord/).fill('koffie en een stroopwafel');
	const before = (await mailsTo(email)).length;
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.waitForURL(`${baseUrl}/check-mail`);
	await expectAccessible(page);
	// The address is proven by the link in the mail, which signs in.
	await page.goto(await linkFromMail(email, /verify-email/, { after: before }));
	await page.waitForURL(`${baseUrl}/firms`);
}

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

describe('a newcomer sets Leerkompas up', () => {
	const adviserEmail = uniqueEmail('adviseur');

	it('creates the first admin with the one-time link', async () => {
		const page = await newPage();
		await page.goto(`${baseUrl}/`);
		await expectAccessible(page);
		await page.goto(inject('setupLink'));
		await expectAccessible(page);
		await page.getByLabel('Uw naam').fill('Beheerder');
		await page.getByLabel('E-mailadres').fill(uniqueEmail('beheer'));
		await page.getByLabel(/^Wachtwoord/).fill('een heel geheim wachtwoord');
		await page.getByRole('button', { name: 'Beheerder maken' }).click();
		await page.waitForURL(`${baseUrl}/admin`);
		await expect.poll(() => page.getByRole('heading', { name: 'Beheer' }).isVisible()).toBe(true);
		await expectAccessible(page);
		// the link works only once
		const again = await page.goto(inject('setupLink'));
		expect(again?.status()).toBe(410);
		await expect.poll(() => page.locator('main').textContent()).toContain('werkt niet meer');
	});

	it('lets an owner create a firm, grant an adviser access and withdraw it', async () => {
		const adviser = await newPage();
		await signUp(adviser, 'Ada Adviseur', adviserEmail);
		await expectAccessible(adviser);

		const owner = await newPage();
		await owner.goto(`${baseUrl}/login`);
		await expectAccessible(owner);
		await signUp(owner, 'Olga Eigenaar', uniqueEmail('olga'));
		await owner.getByRole('link', { name: 'Bedrijf toevoegen' }).click();
		await expectAccessible(owner);
		// a mistake first: the form says what to fix and keeps what was typed
		await owner.getByLabel('Naam van het bedrijf').fill('Installatiebedrijf Olga');
		await owner.getByLabel('Sector').selectOption('installatie');
		await owner.getByLabel('Provincie').selectOption('drenthe');
		await owner.getByLabel(/^Aantal medewerkers/).fill('14');
		await owner.getByLabel(/^Korte naam in de link/).fill('Olga & Zn!');
		await owner.getByRole('button', { name: 'Bedrijf toevoegen' }).click();
		await expect.poll(() => owner.locator('.field-error').first().textContent()).toContain('kleine letters');
		await expectAccessible(owner);
		expect(await owner.getByLabel('Naam van het bedrijf').inputValue()).toBe('Installatiebedrijf Olga');
		expect(await owner.getByLabel('Provincie').inputValue()).toBe('drenthe');
		await owner.getByLabel(/^Korte naam in de link/).fill('');
		await owner.getByRole('button', { name: 'Bedrijf toevoegen' }).click();
		await owner.waitForURL(/\/firms\/[a-z0-9-]+$/);
		const firmUrl = owner.url();
		await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('Installatiebedrijf Olga');
		await expectAccessible(owner);

		await owner.getByRole('link', { name: 'Mede-beheerders en adviseurs' }).click();
		await expectAccessible(owner);
		await owner.getByLabel('E-mailadres').fill(adviserEmail);
		await owner.getByLabel('coach').check();
		const mailsBefore = (await mailsTo(adviserEmail)).length;
		await owner.getByRole('button', { name: 'Uitnodigen' }).click();
		await expect.poll(() => owner.getByRole('status').textContent()).toContain('uitnodiging gestuurd');
		await expect.poll(() => owner.getByTestId('invitation-list').textContent()).toContain(adviserEmail);
		await expectAccessible(owner);

		// Access follows only from the link in the mail, accepted by the adviser's own account.
		await adviser.goto(`${baseUrl}/firms`);
		expect(await adviser.getByText('Installatiebedrijf Olga').count()).toBe(0);
		await adviser.goto(await linkFromMail(adviserEmail, /\/invitations\//, { after: mailsBefore }));
		await expectAccessible(adviser);
		await adviser.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
		await adviser.waitForURL(/\/firms\/[a-z0-9-]+$/);
		await owner.reload();

		await adviser.goto(`${baseUrl}/firms`);
		await expect.poll(() => adviser.getByTestId('firm-list').textContent()).toContain('Installatiebedrijf Olga');
		await adviser.getByRole('link', { name: 'Installatiebedrijf Olga' }).click();
		await expect.poll(() => adviser.getByRole('heading', { level: 1 }).textContent()).toBe('Installatiebedrijf Olga');
		await expectAccessible(adviser);

		await owner.getByRole('button', { name: 'Toegang intrekken voor Ada Adviseur' }).click();
		await expect.poll(() => owner.getByRole('status').textContent()).toContain('ingetrokken');

		await adviser.goto(`${baseUrl}/firms`);
		expect(await adviser.getByText('Installatiebedrijf Olga').count()).toBe(0);
		const response = await adviser.goto(firmUrl);
		expect(response?.status()).toBe(404);
		await expectAccessible(adviser);
	});

	it('switches the interface to English and back', async () => {
		const page = await newPage();
		await page.goto(`${baseUrl}/login`);
		// the name starts with what the button shows, so "click English" works for a voice user too
		await page.getByRole('button', { name: /^English\b.*Taal wijzigen/ }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
		await expectAccessible(page);
		await page.getByRole('button', { name: /^Nederlands\b.*Change language/ }).click();
		await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Inloggen');
	});
});
