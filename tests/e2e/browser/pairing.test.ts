// Master and apprentice in real Chromium: the owner records three colleagues, asks for proposals and asks the
// proposed pair; both colleagues agree through the links in their mails (no account; one without JavaScript);
// the owner sees the pair as "gekoppeld"; the apprentice adds a line to the log. axe-core on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { linkFromMail, pathOf } from '../support/mail';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const screenshots = process.env.LEERKOMPAS_SCREENSHOTS;

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	const firm = await makeFirm(db, { name: 'Smederij Olga', ownerId: owner.id });
	return { owner, firm };
}

const server = useSeededServer(seed);
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const context of contexts) await context.close();
	await browser?.close();
});

async function open(options: { width: number; javaScriptEnabled: boolean; signedIn: boolean }): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: options.width, height: 800 }, locale: 'nl-NL', javaScriptEnabled: options.javaScriptEnabled });
	contexts.push(context);
	const page = await context.newPage();
	if (options.signedIn) {
		await page.goto(`${server.baseUrl}/login`);
		await page.getByLabel('E-mailadres').first().fill(server.seeded.owner.email);
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	}
	return page;
}

async function shot(page: Page, name: string) {
	if (screenshots) await page.screenshot({ path: `${screenshots}/${name}.png`, fullPage: true });
}

async function addColleague(page: Page, c: { name: string; email: string; teaches: string; learns: string }) {
	await page.getByLabel('Naam', { exact: true }).fill(c.name);
	await page.getByLabel(/^E-mailadres/).fill(c.email);
	await page.getByLabel(/^Wat kan deze collega aan anderen leren/).fill(c.teaches);
	await page.getByLabel(/^Wat wil deze collega leren/).fill(c.learns);
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await page.getByRole('status').waitFor();
}

describe('master and apprentice', () => {
	it('pairs two colleagues once both agreed through their mailed links, and keeps their log', async () => {
		const owner = await open({ width: 360, javaScriptEnabled: true, signedIn: true });
		await owner.goto(`${server.baseUrl}/firms/${server.seeded.firm.slug}`);
		await owner.getByRole('link', { name: /Meester en gezel/ }).click();
		await expect.poll(() => owner.getByRole('heading', { level: 1 }).textContent()).toBe('Meester en gezel');

		// A form with a mistake keeps what was typed and says what to fix.
		await owner.getByLabel('Naam', { exact: true }).fill('Jan Smit');
		await owner.getByLabel(/^E-mailadres/).fill('jan@example.nl');
		await owner.getByRole('button', { name: 'Toevoegen' }).click();
		await owner.getByRole('alert').waitFor();
		expect(await owner.locator('main').textContent()).toContain('Schrijf ten minste één ding op');
		expect(await owner.getByLabel('Naam', { exact: true }).inputValue()).toBe('Jan Smit');

		await addColleague(owner, { name: 'Jan Smit', email: 'jan@example.nl', teaches: 'lassen, tekening lezen', learns: '' });
		await addColleague(owner, { name: 'Piet Bos', email: 'piet@example.nl', teaches: '', learns: 'heftruck rijden' });
		await addColleague(owner, { name: 'Kees Veen', email: 'kees@example.nl', teaches: '', learns: 'Lassen, tekening lezen' });
		expect(await owner.getByTestId('people').locator('li').count()).toBe(3);
		await expectAccessible(owner);
		await shot(owner, 'pairing-people-360');

		await owner.getByRole('link', { name: 'Stel koppels voor' }).click();
		await owner.getByTestId('proposals').waitFor();
		const proposals = owner.getByTestId('proposals').locator('li');
		expect(await proposals.count()).toBe(1);
		expect(await proposals.first().textContent()).toContain('Jan Smit kan Kees Veen leren: Lassen, tekening lezen.');
		await expectAccessible(owner);
		await shot(owner, 'pairing-proposals-360');
		await owner.getByRole('button', { name: 'Vraag alle voorgestelde koppels' }).click();
		await owner.getByRole('status').waitFor();

		await owner.goto(`${server.baseUrl}/firms/${server.seeded.firm.slug}/pairing`);
		expect(await owner.getByTestId('pair-status').first().textContent()).toBe('wacht op instemming');

		// The two colleagues, each through the link in their own mail, without an account.
		const janLink = await linkFromMail('jan@example.nl', /\/pairing\/pair\//, { dataDir: server.dataDir });
		const keesLink = await linkFromMail('kees@example.nl', /\/pairing\/pair\//, { dataDir: server.dataDir });
		expect(janLink).not.toBe(keesLink);

		const jan = await open({ width: 360, javaScriptEnabled: false, signedIn: false });
		await jan.goto(server.baseUrl + pathOf(janLink));
		expect(await jan.locator('main').textContent()).toContain('Smederij Olga stelt voor dat u Kees Veen iets leert: Lassen, tekening lezen.');
		await shot(jan, 'pairing-link-question-360');
		await jan.getByRole('button', { name: 'Ja, ik doe mee' }).click();
		await jan.getByTestId('pair-waiting').waitFor();

		const kees = await open({ width: 1280, javaScriptEnabled: true, signedIn: false });
		await kees.goto(server.baseUrl + pathOf(keesLink));
		await expectAccessible(kees);
		await kees.getByRole('button', { name: 'Ja, ik doe mee' }).click();
		await kees.getByTestId('pair-active').waitFor();

		await owner.reload();
		expect(await owner.getByTestId('pair-status').first().textContent()).toBe('gekoppeld');
		await shot(owner, 'pairing-paired-360');

		// Kees writes in the log; Jan sees it; the owner does not, until both share it.
		await kees.getByLabel('Wat deden jullie?').fill('Eerste hoeklas samen gemaakt');
		await kees.getByLabel(/Eén regel toelichting/).fill('Volgende keer een stompe las');
		await kees.getByRole('button', { name: 'Toevoegen' }).click();
		await kees.getByTestId('log').waitFor();
		expect(await kees.getByTestId('log').textContent()).toContain('Eerste hoeklas samen gemaakt');
		await expectAccessible(kees);
		await shot(kees, 'pairing-log-1280');
		await jan.reload();
		expect(await jan.getByTestId('log').textContent()).toContain('Eerste hoeklas samen gemaakt');

		await owner.getByRole('link', { name: 'Bekijken' }).first().click();
		await owner.getByRole('heading', { name: 'Logboek', exact: true }).waitFor();
		expect(await owner.locator('main').textContent()).not.toContain('Eerste hoeklas');
		expect(await owner.locator('main').textContent()).toContain('U ziet het alleen als ze het allebei met u delen');
		await expectAccessible(owner);
		for (const person of [jan, kees]) await person.getByRole('button', { name: 'Deel het logboek met de eigenaar' }).click();
		await kees.getByRole('button', { name: 'Stop met delen' }).waitFor();
		await owner.reload();
		expect(await owner.getByTestId('log').textContent()).toContain('Eerste hoeklas samen gemaakt');
		await shot(owner, 'pairing-owner-pair-360');
	});
});
