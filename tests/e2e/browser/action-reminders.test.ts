// The owner's side of the action-plan mails in real Chromium: the settings page (JavaScript on and off, 360 px and
// desktop) and the stop link from the deadline mail, opened without signing in. axe-core on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { linkFromMail, pathOf } from '../support/mail';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { firmAction } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { dayOf } from '../../../src/lib/server/clock';

const password = 'koffie en een stroopwafel';
const screenshots = process.env.LEERKOMPAS_SCREENSHOTS;

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: owner.id });
	await db.insert(firmAction).values({ firmId: firm.id, title: 'Elke maand een leerlunch', dueOn: dayOf() });
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

describe('the owner chooses the mails about the action plan', () => {
	for (const width of [360, 1280]) {
		for (const javaScriptEnabled of [true, false]) {
			it(`and saves the choice at ${width} px with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
				const page = await open({ width, javaScriptEnabled, signedIn: true });
				await page.goto(`${server.baseUrl}/firms/${server.seeded.firm.slug}`);
				await page.getByRole('link', { name: 'Mails over het actieplan' }).click();
				await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mails over het actieplan');
				const monthly = page.getByLabel(/Een maandoverzicht/);
				await monthly.setChecked(!(await monthly.isChecked()));
				const wasChecked = await monthly.isChecked();
				await page.getByRole('button', { name: 'Bewaren' }).click();
				await page.getByRole('status').waitFor();
				expect(await page.getByRole('status').textContent()).toContain('Bewaard.');
				await page.reload();
				expect(await page.getByLabel(/Een maandoverzicht/).isChecked()).toBe(wasChecked);
				expect(await page.getByLabel(/Een mail op de dag van een deadline/).isChecked()).toBe(true);
				await shot(page, `reminders-settings-${width}-${javaScriptEnabled ? 'js' : 'nojs'}`);
				if (javaScriptEnabled) await expectAccessible(page);
			});
		}
	}
});

describe('the stop link in the deadline mail', () => {
	it('asks first and then stops the mails, without signing in and without JavaScript', async () => {
		// The monthly summary goes out at the same start (its first run this month) and has a stop link of its own.
		const link = await linkFromMail(server.seeded.owner.email, /\/reminders\/stop\//, { dataDir: server.dataDir, subject: /^Deadline/ });
		for (const javaScriptEnabled of [true, false]) {
			const page = await open({ width: 360, javaScriptEnabled, signedIn: false });
			await page.goto(server.baseUrl + pathOf(link));
			expect(await page.locator('main').textContent()).toContain('Wilt u geen mails meer over deadlines van acties van Bakkerij Olga?');
			if (javaScriptEnabled) await expectAccessible(page);
			await shot(page, `reminders-stop-${javaScriptEnabled ? 'js' : 'nojs'}`);
			await page.getByRole('button', { name: 'Ja, stop deze mails' }).click();
			await page.getByRole('status').waitFor();
			expect(await page.getByRole('status').textContent()).toContain('U krijgt deze mails niet meer.');
			if (javaScriptEnabled) await expectAccessible(page);
			await shot(page, `reminders-stopped-${javaScriptEnabled ? 'js' : 'nojs'}`);
		}
	});
});
