// From a published report to the follow-up session and the action plan, in real Chromium (issue 12): the
// owner walks the steps with the arrow keys, notes what the team said, agrees on two actions and finds them
// on the overview and in the plan; one step works without JavaScript; a small firm holds the conversation
// without figures; axe checks every new page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { dayFromToday, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { scanResponse } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { pdfPlainText } from '../../helpers/pdf-text';

const instrument = loadInstrument('v1');
const password = 'koffie en een stroopwafel';
// Set to a folder to keep screenshots of the session (phone, desktop, beamer) for a person to look at.
const screenshots = process.env.LEERKOMPAS_SCREENSHOT_DIR;

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar');
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: owner.id, employees: 12 });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', invited: 12 });
	const rows = [...sampleResponses(instrument, 9, 'employee', { seed: 21, teams: [] }), ...sampleResponses(instrument, 1, 'owner', { seed: 22 })];
	await db.insert(scanResponse).values(
		rows.map((r) => ({ roundId: round.id, perspective: r.perspective, submittedOn: dayFromToday(-1), source: 'survey' as const, answers: { ...r.answers }, background: { ...r.background }, learning: { ...r.learning, barriers: [...r.learning.barriers] }, open: {} }))
	);
	const small = await makeFirm(db, { name: 'Kapsalon Knip', ownerId: owner.id, employees: 3 });
	return { firm, round, small };
}

const server = useSeededServer(seed);
const s = server.seeded;
let browser: Browser;
let storage: Awaited<ReturnType<BrowserContext['storageState']>> | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

async function ownerPage(options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
		locale: 'nl-NL',
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		storageState: storage
	});
	contexts.push(context);
	const page = await context.newPage();
	if (!storage) {
		await page.goto(`${server.baseUrl}/login`);
		await page.getByLabel('E-mailadres').first().fill('olga@example.nl');
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((url) => !url.pathname.startsWith('/login'));
		storage = await context.storageState();
	}
	return page;
}

async function shoot(page: Page, name: string) {
	if (!screenshots) return;
	mkdirSync(screenshots, { recursive: true });
	await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

const url = (path: string) => `${server.baseUrl}${path}`;
const sessionPath = () => `/firms/${s.firm.slug}/rounds/${s.round.id}/session`;
const counter = async (page: Page) => (await page.getByTestId('step-counter').textContent())?.trim() ?? '';

describe('the follow-up session of a published report', () => {
	it('leads from the report to the session, walked by keyboard, with notes and two agreed actions', async () => {
		const page = await ownerPage();
		await page.goto(url(`/firms/${s.firm.slug}/rounds/${s.round.id}/report`));
		await page.getByTestId('session-link').click();
		await page.waitForURL(url(sessionPath()));
		await expect.poll(() => page.getByTestId('no-names').textContent()).toContain('Schrijf geen namen op');
		await expectAccessible(page);
		await page.getByTestId('session-start').click();
		await page.waitForURL(url(`${sessionPath()}/goed`));
		expect(await counter(page)).toBe('Stap 1 van 9');
		await expectAccessible(page);

		// The arrow keys walk the steps; the first aspect is the strongest.
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => counter(page)).toBe('Stap 2 van 9');
		const first = new URL(page.url()).pathname.split('/').pop()!;
		expect(instrument.aspects.map((a) => a.id)).toContain(first);
		expect(await page.getByTestId('score').count()).toBe(1);
		await expectAccessible(page);
		await shoot(page, 'session-aspect-1280');

		// Typing a note does not turn the page; saving keeps it.
		await page.getByRole('textbox', { name: 'Wat zei het team?' }).fill('Meer afwisseling in de winter. ArrowRight');
		await page.getByRole('textbox', { name: 'Wat zei het team?' }).press('ArrowRight');
		expect(await counter(page)).toBe('Stap 2 van 9');
		await page.getByRole('button', { name: 'Notitie bewaren' }).click();
		await page.waitForURL(/\?saved/);
		expect(await page.getByRole('textbox', { name: 'Wat zei het team?' }).inputValue()).toBe('Meer afwisseling in de winter. ArrowRight');

		await page.locator('h1').click();
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => counter(page)).toBe('Stap 1 van 9');
		for (let step = 2; step <= 9; step++) {
			await page.keyboard.press('ArrowRight');
			await expect.poll(() => counter(page)).toBe(`Stap ${step} van 9`);
		}
		expect(new URL(page.url()).pathname).toBe(`${sessionPath()}/acties`);
		await expectAccessible(page);

		// Two actions: one of the team's own, one from the knowledge base.
		const add = page.locator('section', { has: page.getByRole('heading', { name: 'Zelf een actie afspreken' }) });
		await add.getByLabel('Wat gaat u doen?').fill('Elke maand een klus ruilen');
		await add.getByLabel('Of schrijf een naam of rol').fill('Het hele team');
		await add.getByLabel('Deadline').fill(dayFromToday(7));
		await add.getByRole('button', { name: 'Actie afspreken' }).click();
		await page.waitForURL(/acties\?agreed/);
		await page.locator('section', { has: page.getByRole('heading', { name: 'Zelf een actie afspreken' }) }).getByLabel('Wat gaat u doen?').fill('Meester en gezel in de werkplaats');
		await page.getByLabel('Idee uit de kennisbank').selectOption('meester-gezel');
		await page.getByLabel('Deadline').fill(dayFromToday(40));
		await page.getByRole('button', { name: 'Actie afspreken' }).click();
		await page.waitForURL(/acties\?agreed/);
		expect(await page.getByTestId('agreed-actions').locator('li').allTextContents()).toEqual(['Elke maand een klus ruilen (Het hele team)', 'Meester en gezel in de werkplaats']);
		// An idea agreed on is not offered again.
		expect(await page.getByRole('button', { name: 'Spreek dit af: Meester en gezel' }).count()).toBe(0);
		await expectAccessible(page);
		await shoot(page, 'session-actions-1280');

		// The overview shows what is due soon; the plan shows both.
		await page.goto(url(`/firms/${s.firm.slug}`));
		const due = page.getByTestId('actions-due');
		expect(await due.textContent()).toContain('Elke maand een klus ruilen');
		expect(await due.textContent()).not.toContain('Meester en gezel');
		await due.getByRole('link', { name: 'Naar het actieplan' }).click();
		await page.waitForURL(url(`/firms/${s.firm.slug}/actions`));
		expect(await page.getByTestId('plan-niet-gestart').textContent()).toContain('Meester en gezel in de werkplaats');
		await expectAccessible(page);
	});

	it('marks an action klaar and keeps short progress notes', async () => {
		const page = await ownerPage({ width: 360, height: 740 });
		await page.goto(url(`/firms/${s.firm.slug}/actions`));
		// The mail settings are one click from the plan, and an action with a deadline offers it for a calendar.
		expect(await page.getByTestId('plan-reminders').getAttribute('href')).toBe(`/firms/${s.firm.slug}/reminders`);
		await page.getByRole('link', { name: 'Elke maand een klus ruilen' }).click();
		await expectAccessible(page);
		const ics = await page.context().request.get(url((await page.getByTestId('action-ics').getAttribute('href'))!));
		expect(ics.headers()['content-type']).toContain('text/calendar');
		expect(await ics.text()).toContain('SUMMARY:Elke maand een klus ruilen');
		await page.getByRole('textbox', { name: 'Korte notitie over de voortgang' }).fill('Eerste ruil gedaan.');
		await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
		await page.waitForURL(/\?note/);
		expect(await page.getByTestId('action-notes').textContent()).toContain('Eerste ruil gedaan.');
		await page.getByRole('radio', { name: 'Klaar' }).check();
		await page.getByRole('button', { name: 'Bewaren' }).click();
		await page.waitForURL(/actions\?saved/);
		expect(await page.getByTestId('plan-klaar').textContent()).toContain('Elke maand een klus ruilen');
		await expectAccessible(page);
		await shoot(page, 'plan-360');
		await page.goto(url(`/firms/${s.firm.slug}/actions/new`));
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		expect(await page.locator('#field-title:invalid').count()).toBe(1);
		await expectAccessible(page);
	});

	it('works without JavaScript: a note is saved and Next goes to the next step', async () => {
		const page = await ownerPage({ javaScriptEnabled: false, width: 360, height: 740 });
		await page.goto(url(`${sessionPath()}/goed`));
		await page.getByRole('textbox', { name: 'Wat zei het team?' }).fill('Samen lunchen helpt.');
		await page.getByRole('button', { name: 'Notitie bewaren' }).click();
		await page.waitForURL(/goed\?saved/);
		expect(await page.getByRole('textbox', { name: 'Wat zei het team?' }).inputValue()).toBe('Samen lunchen helpt.');
		// The arrow keys need JavaScript, so the tip about them is not there.
		expect(await page.getByTestId('keys-hint').count()).toBe(0);
		await shoot(page, 'session-well-360');
		await page.getByTestId('step-next').click();
		await page.waitForURL((u) => u.pathname !== `${sessionPath()}/goed`);
		expect(await counter(page)).toBe('Stap 2 van 9');
	});

	it('fits a beamer and gives a one-page handout', async () => {
		const page = await ownerPage({ width: 1920, height: 1080 });
		await page.goto(url(`${sessionPath()}/vragen`));
		await expectAccessible(page);
		await shoot(page, 'session-questions-1920');
		await page.goto(url(`${sessionPath()}/goed`));
		await shoot(page, 'session-well-1920');
		const res = await page.context().request.get(url(`${sessionPath()}/handout.pdf`));
		expect(res.headers()['content-type']).toBe('application/pdf');
		const text = await pdfPlainText(new Uint8Array(await res.body()));
		expect(text).toContain('Elke maand een klus ruilen');
		expect(text).toContain('Bakkerij Olga');
	});
});

describe('the conversation of a small firm', () => {
	it('is reached from the firm page, has the six aspects with questions and no figure', async () => {
		const page = await ownerPage({ width: 360, height: 740 });
		await page.goto(url(`/firms/${s.small.slug}`));
		await page.getByTestId('conversation-link').click();
		await page.waitForURL(url(`/firms/${s.small.slug}/session`));
		expect(await page.locator('main').textContent()).toContain('minder dan 5 medewerkers');
		await expectAccessible(page);
		await page.goto(url(`/firms/${s.small.slug}/session/werk`));
		expect(await counter(page)).toBe('Stap 2 van 9');
		expect(await page.getByTestId('score').count()).toBe(0);
		expect(await page.locator('main').textContent()).not.toMatch(/\d,\d/);
		await expectAccessible(page);
		await shoot(page, 'conversation-360');
		expect((await page.context().request.get(url(`/firms/${s.firm.slug}/session`))).status()).toBe(404);
	});
});
