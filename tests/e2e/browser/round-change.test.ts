// A firm with more than one round sees the change since an earlier round: on the report page in Chromium
// (a phone-sized screen, axe, and the choice of round without JavaScript), in the PDF and in the JSON.
// Nobody reaches another firm's round through the choice.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { servedReportSchema } from '../../../src/lib/domain/report';
import { pdfPlainText } from '../../helpers/pdf-text';
import { expectAccessible, launchBrowser } from '../support/browser';
import { inviteAndAccept, uniqueEmail } from '../support/http-client';
import { ReportSession } from '../support/report-seed';

let browser: Browser;
let context: BrowserContext;
let noScript: BrowserContext;
const baseUrl = inject('baseUrl');
const email = uniqueEmail('eigenaar-verandering');
const password = 'koffie en een stroopwafel';
let owner: ReportSession, otherOwner: ReportSession, stranger: ReportSession;
let manager: ReportSession, adviser: ReportSession, otherManager: ReportSession, otherAdviser: ReportSession, formerAdviser: ReportSession;
let firm = '', otherFirm = '';
let first = '', second = '', third = '', foreign = '';
const reportPath = (round: string) => `/firms/${firm}/rounds/${round}/report`;

beforeAll(async () => {
	owner = await ReportSession.signUp('Wim Werkplaats', email, password);
	otherOwner = await ReportSession.signUp('Olga Ander', uniqueEmail('olga'));
	stranger = await ReportSession.signUp('Vera Vreemd', uniqueEmail('vera-verandering'));
	firm = await owner.createFirm('Loodgieter Wim');
	otherFirm = await otherOwner.createFirm('Schilder Olga');
	// Imported the same day: they follow one another in the order they were made.
	first = await owner.importAnswers(firm, 'Najaar 2025', 9, { seed: 21 });
	second = await owner.importAnswers(firm, 'Voorjaar 2026', 12, { seed: 22 });
	third = await owner.importAnswers(firm, 'Najaar 2026', 10, { seed: 23 });
	foreign = await otherOwner.importAnswers(otherFirm, 'Geheim 2025', 8, { seed: 24 });
	// People of this firm, people of the other firm, and an adviser whose consent was withdrawn.
	const people: [ReportSession, string, string, ReportSession][] = [];
	for (const [name, label, role, inviter, slug] of [
		['Mia Manager', 'mia', 'manager', owner, firm],
		['Ada Adviseur', 'ada', 'coach', owner, firm],
		['Max Manager', 'max', 'manager', otherOwner, otherFirm],
		['Aad Adviseur', 'aad', 'coach', otherOwner, otherFirm],
		['Fem Vroeger', 'fem', 'coach', owner, firm]
	] as const) {
		const address = uniqueEmail(label);
		const session = await ReportSession.signUp(name, address);
		await inviteAndAccept(inviter, slug, session, address, role);
		people.push([session, address, role, inviter]);
	}
	[manager, adviser, otherManager, otherAdviser, formerAdviser] = people.map(([session]) => session) as [ReportSession, ReportSession, ReportSession, ReportSession, ReportSession];
	const team = await (await owner.get(`/firms/${firm}/team`)).text();
	const grantId = team.match(/Fem Vroeger[\s\S]*?name="grantId" value="([0-9a-f-]{36})"/)?.[1] ?? '';
	const withdrawn = await owner.post(`/firms/${firm}/team?/withdraw`, { grantId });
	if (withdrawn.status !== 200) throw new Error(`withdrawing consent failed: ${withdrawn.status}`);
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
	// No JavaScript: the choice of round must work as a plain form. (axe needs scripts, so it runs in the other.)
	noScript = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL', javaScriptEnabled: false });
});
afterAll(async () => {
	await context?.close();
	await noScript?.close();
	await browser?.close();
});

async function signIn(page: Page) {
	// Both contexts sign in the same way: a plain form.
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel(/^Wachtwoord/).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

describe('change between rounds', () => {
	it('shows the change since the previous round on the page, and another round once picked, without JavaScript', async () => {
		const page = await context.newPage();
		await signIn(page);
		await page.goto(baseUrl + reportPath(third));
		const section = page.locator('#lk-change');
		await expect.poll(() => section.getByRole('heading', { level: 2 }).textContent()).toBe('Verandering sinds Voorjaar 2026');
		const text = (await section.textContent()) ?? '';
		expect(text).toMatch(/Inhoud van het werk ging van \d,\d naar \d,\d \([+−-]?\d,\d; waarschijnlijk tussen [+−-]?\d,\d en [+−-]?\d,\d\)/);
		expect(text).toContain('Wat betekenen deze getallen?');
		expect(await section.locator('#chart-change-history svg[role="img"]').count()).toBe(1);
		expect(await section.locator('#chart-change-history table tbody tr').count()).toBe(6);
		await expectAccessible(page);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

		await expect.poll(() => page.getByLabel('Vergelijk met de ronde').inputValue()).toBe(second);
		await page.goto(`${baseUrl}${reportPath(third)}?compare=${first}`);
		await expectAccessible(page);

		const plain = await noScript.newPage();
		await signIn(plain);
		await plain.goto(baseUrl + reportPath(third));
		await plain.getByLabel('Vergelijk met de ronde').selectOption(first);
		await plain.getByRole('button', { name: 'Vergelijk' }).click();
		await plain.waitForURL((url) => url.searchParams.get('compare') === first);
		await expect.poll(() => plain.locator('#lk-change h2').textContent()).toBe('Verandering sinds Najaar 2025');
		// The downloads compare with the same round.
		expect(await plain.getByRole('link', { name: 'Download als PDF' }).getAttribute('href')).toBe(`${reportPath(third)}/report.pdf?compare=${first}`);
	});

	it('gives the change in the JSON and the PDF', async () => {
		const json = servedReportSchema.parse(await (await owner.get(`${reportPath(second)}/report.json`)).json());
		expect(json.change?.against).toEqual({ round: 'Najaar 2025', employees: 9 });
		expect(json.change?.aspects).toHaveLength(6);
		const before = servedReportSchema.parse(await (await owner.get(`${reportPath(first)}/report.json`)).json());
		expect(before.change).toBeNull();
		for (const aspect of json.change!.aspects) {
			expect(aspect.before?.mean).toBe(before.aspects.find((a) => a.id === aspect.id)?.employee.mean);
			expect(aspect.after?.mean).toBe(json.aspects.find((a) => a.id === aspect.id)?.employee.mean);
		}
		const picked = servedReportSchema.parse(await (await owner.get(`${reportPath(third)}/report.json?compare=${first}`)).json());
		expect(picked.change?.against.round).toBe('Najaar 2025');

		const res = await owner.get(`${reportPath(third)}/report.pdf?compare=${first}`);
		expect(res.status).toBe(200);
		const pdf = await pdfPlainText(new Uint8Array(await res.arrayBuffer()));
		expect(pdf).toContain('Verandering sinds Najaar 2025');
		expect(pdf).toMatch(/Samen leren in het team ging van \d,\d naar \d,\d/);
		expect(pdf).toContain('Wat betekenen deze getallen?');
	});

	it('never compares with another firm\u2019s round, and the choice opens no report to outsiders', async () => {
		const refused = servedReportSchema.parse(await (await owner.get(`${reportPath(third)}/report.json?compare=${foreign}`)).json());
		expect(refused.change?.against.round).toBe('Voorjaar 2026');
		expect(JSON.stringify(refused)).not.toContain('Geheim 2025');
		const page = await (await owner.get(`${reportPath(third)}?compare=${foreign}`)).text();
		expect(page).toContain('De gekozen ronde kan niet vergeleken worden');
		expect(page).not.toContain('Geheim 2025');
		// A malformed choice is no error either.
		expect((await owner.get(`${reportPath(third)}?compare=%27%3B--`)).status).toBe(200);
		// Owner, co-manager and adviser with consent read the change; nobody else reaches the report through it.
		for (const who of [owner, manager, adviser]) {
			const json = servedReportSchema.parse(await (await who.get(`${reportPath(third)}/report.json?compare=${first}`)).json());
			expect(json.change?.against.round).toBe('Najaar 2025');
		}
		for (const who of [otherOwner, otherManager, otherAdviser, formerAdviser, stranger]) {
			for (const path of [reportPath(third), `${reportPath(third)}/report.json`, `${reportPath(third)}/report.pdf`]) {
				expect((await who.get(`${path}?compare=${first}`)).status, path).toBe(404);
			}
		}
		// And the other firm's people get their own firm's rounds only, whatever round id they pass.
		const theirs = servedReportSchema.parse(await (await otherManager.get(`/firms/${otherFirm}/rounds/${foreign}/report/report.json?compare=${first}`)).json());
		expect(theirs.change).toBeNull();
		expect((await new ReportSession().get(`${reportPath(third)}/report.json?compare=${first}`)).status).toBe(303);
	});
});
