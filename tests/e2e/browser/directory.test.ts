// The directory of retired entrepreneurs in real Chromium on a phone-sized screen: a retired entrepreneur
// lists themself and publishes the listing; an owner finds them by province and invites them; the invitee
// accepts through the link in the mailed invitation and appears on the team page, without the owner ever
// seeing their e-mail address. axe-core checks every page on the way.
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
	await page.getByLabel('Uw naam').fill(name);
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel(/^Wachtwoord/).fill('koffie en een stroopwafel');
	const before = (await mailsTo(email)).length;
	await page.getByRole('button', { name: 'Account maken' }).click();
	await page.waitForURL(`${baseUrl}/check-mail`);
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

describe('an owner finds a retired entrepreneur', () => {
	const retiredEmail = uniqueEmail('henk');
	const retiredName = `Henk Oud-bakker ${Math.random().toString(36).slice(2, 7)}`;

	it('from the listing to the team page', async () => {
		const retired = await newPage();
		await signUp(retired, 'Henk', retiredEmail);
		await retired.getByRole('link', { name: 'Oud-ondernemers' }).click();
		await retired.waitForURL(`${baseUrl}/directory`);
		await expectAccessible(retired);
		// Someone without a firm keeps a listing but cannot search.
		expect(await retired.getByRole('search').count()).toBe(0);
		await retired.getByTestId('my-listing').click();
		await retired.waitForURL(`${baseUrl}/directory/me`);
		await expectAccessible(retired);

		// A mistake first: the form names what is missing and keeps what was typed.
		await retired.getByLabel(/^Naam\b/).fill(retiredName);
		await retired.getByLabel('Industrie en voeding').check();
		await retired.getByLabel('klankbord voor de eigenaar').check();
		await retired.getByLabel(/^Over uzelf/).fill('Veertig jaar een bakkerij gehad. Nu help ik graag jonge ondernemers met leren in het werk.');
		await retired.getByRole('button', { name: 'Opslaan' }).click();
		await expect.poll(() => retired.locator('#provinces-error').textContent()).toContain('minstens één');
		await expectAccessible(retired);
		expect(await retired.getByLabel('Industrie en voeding').isChecked()).toBe(true);
		expect(await retired.getByLabel(/^Naam\b/).inputValue()).toBe(retiredName);
		await retired.getByLabel('Gelderland').check();
		await retired.getByRole('button', { name: 'Opslaan' }).click();
		await expect.poll(() => retired.getByRole('status').textContent()).toContain('opgeslagen');
		await expect.poll(() => retired.getByTestId('listing-status').textContent()).toContain('niet in de lijst');
		await retired.getByRole('button', { name: 'Zichtbaar maken' }).click();
		await expect.poll(() => retired.getByTestId('listing-status').textContent()).toContain('staat in de lijst');
		await expectAccessible(retired);

		const owner = await newPage();
		await signUp(owner, 'Olga Eigenaar', uniqueEmail('olga'));
		await owner.getByRole('link', { name: 'Bedrijf toevoegen' }).click();
		await owner.getByLabel('Naam van het bedrijf').fill('Bakkerij Olga');
		await owner.getByLabel('Sector').selectOption('industrie');
		await owner.getByLabel('Provincie').selectOption('gelderland');
		await owner.getByLabel(/^Aantal medewerkers/).fill('9');
		await owner.getByRole('button', { name: 'Bedrijf toevoegen' }).click();
		await owner.waitForURL(/\/firms\/[a-z0-9-]+$/);
		const firmUrl = owner.url();

		// From the team page to the directory, then filter by province.
		await owner.getByRole('link', { name: 'Mede-beheerders en adviseurs' }).click();
		await owner.getByTestId('directory-link').click();
		await owner.waitForURL(`${baseUrl}/directory`);
		await owner.getByLabel('Provincie').selectOption('gelderland');
		await owner.getByRole('button', { name: 'Zoeken' }).click();
		await owner.waitForURL(/province=gelderland/);
		await expect.poll(() => owner.getByTestId('directory-results').textContent()).toContain(retiredName);
		await expectAccessible(owner);
		await owner.getByLabel('Provincie').selectOption('zeeland');
		await owner.getByRole('button', { name: 'Zoeken' }).click();
		await owner.waitForURL(/province=zeeland/);
		expect(await owner.getByText(retiredName).count()).toBe(0);
		await owner.getByLabel('Provincie').selectOption('gelderland');
		await owner.getByRole('button', { name: 'Zoeken' }).click();
		await owner.waitForURL(/province=gelderland/);
		await owner.getByRole('link', { name: retiredName }).click();
		await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe(retiredName);
		await expectAccessible(owner);
		expect(await owner.content()).not.toContain(retiredEmail);

		const before = (await mailsTo(retiredEmail)).length;
		await owner.getByRole('button', { name: 'Uitnodiging sturen' }).click();
		await expect.poll(() => owner.getByRole('status').textContent()).toContain(`${retiredName} uitgenodigd voor Bakkerij Olga`);
		await owner.getByRole('link', { name: 'Naar de teampagina' }).click();
		await expect.poll(() => owner.getByTestId('invitation-list').textContent()).toContain(retiredName);
		expect(await owner.content()).not.toContain(retiredEmail);

		// The invitee accepts through the link in the mail, with their own account.
		await retired.goto(await linkFromMail(retiredEmail, /\/invitations\//, { after: before }));
		await expectAccessible(retired);
		await retired.getByRole('button', { name: 'Uitnodiging aannemen' }).click();
		await retired.waitForURL(firmUrl);
		await expect.poll(() => retired.getByRole('heading', { level: 1 }).textContent()).toBe('Bakkerij Olga');

		await owner.reload();
		await expect.poll(() => owner.getByTestId('adviser-list').textContent()).toContain('Henk');
		await expect.poll(() => owner.getByTestId('adviser-list').textContent()).toContain('oud-ondernemer');
		expect(await owner.content()).not.toContain(retiredEmail);
		await expectAccessible(owner);
	});
});
