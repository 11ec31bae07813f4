// Issue 12's whole path in one go, in real Chromium: an owner goes from a published report to the follow-up
// session on screen, agrees on two actions (one straight from a recommendation of the report, one of the team's
// own with a deadline today), sees them on the firm's overview and in the plan, gets the deadline mail in the
// outbox when the server's reminder run comes (it runs at every start, so the test restarts the server on the
// same database) and downloads the action's .ics file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { mailsTo } from '../support/mail';
import { scratchDatabase, startServer, withDatabase, type RunningServer, type ScratchDatabase } from '../../support/server';
import { makeFirm } from '../../helpers/factories';
import { insertResponses } from '../../helpers/export-fixtures';
import { dayFromToday, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { firmAction } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { dayOf } from '../../../src/lib/server/clock';

const instrument = loadInstrument('v1');
const password = 'koffie en een stroopwafel';
const email = 'olga@bakkerij-pad.example';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, email, password, 'Olga Eigenaar');
	const firm = await makeFirm(db, { name: 'Bakkerij Het Pad', ownerId: owner.id, employees: 12 });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', invited: 12 });
	const rows = [...sampleResponses(instrument, 9, 'employee', { seed: 31, teams: [] }), ...sampleResponses(instrument, 1, 'owner', { seed: 32 })];
	await insertResponses(db, round.id, rows, dayFromToday(-1));
	return { firm, round };
}

let database: ScratchDatabase;
let server: RunningServer | null = null;
let s: Awaited<ReturnType<typeof seed>>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	database = await scratchDatabase('report-to-action');
	s = await withDatabase(database.target, seed);
	server = await startServer(database);
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
	await server?.kill('SIGTERM');
	await database?.drop();
});

const url = (path: string) => `${server!.baseUrl}${path}`;

describe('from the report to the action plan', () => {
	it('leads an owner from the published report through the session to two actions, the deadline mail and the .ics', async () => {
		const page: Page = await context.newPage();
		await page.goto(url('/login'));
		await page.getByLabel('E-mailadres').first().fill(email);
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Inloggen' }).click();
		await page.waitForURL((u) => !u.pathname.startsWith('/login'));

		// The report, with its recommendations, leads to the session.
		const sessionPath = `/firms/${s.firm.slug}/rounds/${s.round.id}/session`;
		await page.goto(url(`/firms/${s.firm.slug}/rounds/${s.round.id}/report`));
		await page.getByTestId('session-link').click();
		await page.waitForURL(url(sessionPath));
		await page.getByTestId('session-start').click();
		await page.waitForURL(url(`${sessionPath}/goed`));

		// On screen, one step at a time, to the choice of actions.
		for (let step = 2; step <= 9; step++) {
			await page.getByTestId('step-next').click();
			await expect.poll(async () => (await page.getByTestId('step-counter').textContent())?.trim(), { timeout: 15_000 }).toBe(`Stap ${step} van 9`);
		}
		expect(new URL(page.url()).pathname).toBe(`${sessionPath}/acties`);

		// First the report's own recommendations, each with the report's reason.
		const recommended = page.getByTestId('recommended');
		const reasons = await recommended.getByTestId('recommendation-reason').allTextContents();
		expect(reasons.length).toBeGreaterThanOrEqual(3);
		for (const reason of reasons) expect(reason).toMatch(/^Omdat .+\.$/);
		const firstTitle = (await recommended.locator('li strong').first().textContent())!.trim();
		await expectAccessible(page);
		await recommended.getByRole('button', { name: `Spreek dit af: ${firstTitle}` }).click();
		await page.waitForURL(/acties\?agreed/);

		// Then one of the team's own, due today.
		const add = page.locator('section', { has: page.getByRole('heading', { name: 'Zelf een actie afspreken' }) });
		await add.getByLabel('Wat gaat u doen?').fill('Elke vrijdag een klus uitleggen');
		await add.getByLabel('Of schrijf een naam of rol').fill('Het hele team');
		await add.getByLabel('Deadline').fill(dayOf());
		await add.getByRole('button', { name: 'Actie afspreken' }).click();
		await page.waitForURL(/acties\?agreed/);
		expect(await page.getByTestId('agreed-actions').locator('li').allTextContents()).toEqual([firstTitle, 'Elke vrijdag een klus uitleggen (Het hele team)']);
		// The recommendation taken is not offered again.
		expect(await page.getByTestId('recommended').getByRole('button', { name: `Spreek dit af: ${firstTitle}` }).count()).toBe(0);

		// The overview shows what is due; the plan shows both.
		await page.goto(url(`/firms/${s.firm.slug}`));
		expect(await page.getByTestId('actions-due').textContent()).toContain('Elke vrijdag een klus uitleggen');
		await page.getByTestId('actions-due').getByRole('link', { name: 'Naar het actieplan' }).click();
		await page.waitForURL(url(`/firms/${s.firm.slug}/actions`));
		const plan = await page.getByTestId('plan-niet-gestart').textContent();
		expect(plan).toContain(firstTitle);
		expect(plan).toContain('Elke vrijdag een klus uitleggen');

		// The .ics of the action with the deadline.
		await page.getByRole('link', { name: 'Elke vrijdag een klus uitleggen' }).click();
		const ics = await context.request.get(url((await page.getByTestId('action-ics').getAttribute('href'))!));
		expect(ics.headers()['content-type']).toContain('text/calendar');
		const calendar = await ics.text();
		expect(calendar).toContain('SUMMARY:Elke vrijdag een klus uitleggen');
		expect(calendar).toContain(`DTSTART;VALUE=DATE:${dayOf().replaceAll('-', '')}`);

		// The server's reminder run (at every start, then hourly) mails the owner on the deadline day.
		expect(await mailsTo(email, database.env.LEERKOMPAS_DATA_DIR)).toHaveLength(0);
		await server!.kill('SIGTERM');
		server = await startServer(database);
		// The monthly summary may go out at the same start (its first run this month): look for the deadline mail.
		const deadlineMails = async () => (await mailsTo(email, database.env.LEERKOMPAS_DATA_DIR)).filter((m) => m.subject.startsWith('Deadline'));
		await expect.poll(async () => (await deadlineMails()).length, { timeout: 60_000 }).toBe(1);
		const [mail] = await deadlineMails();
		expect(mail?.subject).toBe('Deadline van uw actie: Elke vrijdag een klus uitleggen');
		expect(mail?.text).toContain(`/firms/${s.firm.slug}/actions`);

		// The action from the recommendation remembers where it came from.
		await server.kill('SIGTERM');
		server = null;
		const stored = await withDatabase(database.target, (db) => db.select().from(firmAction).where(eq(firmAction.firmId, s.firm.id)));
		expect(stored.find((a) => a.title === firstTitle)).toMatchObject({ origin: 'recommendation', roundId: s.round.id });
		expect(stored.find((a) => a.title === firstTitle)?.entrySlug).toBeTruthy();
		expect(stored.find((a) => a.title === firstTitle)?.why).toMatch(/^Omdat /);
		expect(stored.find((a) => a.title === 'Elke vrijdag een klus uitleggen')).toMatchObject({ origin: 'free', dueOn: dayOf() });
	});
});
