// A respondent whose phone asks for Arabic: every respondent page comes right to left in Arabic (lang and dir
// on <html>), the layout mirrors (the radio buttons stand at the right of their labels, the progress bar
// fills from the right), the questionnaire can be answered in screens and on one page, and the language can
// be switched to Polish without JavaScript. axe-core checks every page; screenshots at 360 px go to
// test-results/ for a person to look at. Every respondent page stays under 30 kB compressed in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { gzipSync } from 'node:zlib';
import { loadInstrument, questionText, scaleLabel, surveyLocales } from '../../../src/lib/domain/instrument';
import { cookieName } from '../../../src/lib/paraglide/runtime.js';
import * as m from '../../../src/lib/paraglide/messages.js';
import { scanResponse } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const instrument = loadInstrument('v1');
const ar = { locale: 'ar' } as const;
const en = { locale: 'en' } as const;
const statement = (id: string) => questionText(instrument.items.find((i) => i.id === id)!, 'employee', 'ar');
const answer = (code: number) => scaleLabel(instrument, code, 'ar')!;

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'yusuf@example.nl', 'koffie en een stroopwafel', 'Yusuf Eigenaar');
	const firm = await makeFirm(db, { name: 'Schoonmaakbedrijf Yusuf', ownerId: owner.id });
	const screens = await makeRound(db, firm.id, { teams: ['Ploeg A', 'Ploeg B'] });
	const onePage = await makeRound(db, firm.id, {});
	const switching = await makeRound(db, firm.id, {});
	return { firm, screens, onePage, switching };
}

const server = useSeededServer(seed);
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts) await c.close();
	await browser?.close();
});

async function arabicPhone(javaScriptEnabled = true): Promise<{ page: Page; scripts: string[] }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ar', javaScriptEnabled });
	contexts.push(context);
	const page = await context.newPage();
	const scripts: string[] = [];
	page.on('request', (request) => {
		if (request.resourceType() === 'script') scripts.push(request.url());
	});
	return { page, scripts };
}

async function expectLanguage(page: Page, lang: string, dir: 'rtl' | 'ltr') {
	expect(await page.locator('html').getAttribute('lang')).toBe(lang);
	expect(await page.locator('html').getAttribute('dir')).toBe(dir);
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const choose = (page: Page, question: string, label: string) => group(page, question).getByLabel(label, { exact: true }).check();

/** The radio button stands at the start of its label: at the right in Arabic. */
async function expectMirroredOption(page: Page, question: string) {
	const option = group(page, question).locator('label.option').first();
	const input = (await option.locator('input').boundingBox())!;
	const text = (await option.locator('span').boundingBox())!;
	expect(input.x, 'the radio button is right of its text').toBeGreaterThan(text.x + text.width - 1);
}

describe('a respondent whose browser asks for Arabic', () => {
	it('answers screen by screen in Arabic, right to left, with a mirrored layout', async () => {
		const { page, scripts } = await arabicPhone();
		const { firm, screens } = server.seeded;
		const base = `${server.baseUrl}/s/${screens.linkToken}`;
		await page.goto(`${server.baseUrl}/r/${screens.shortCode}`);
		expect(page.url()).toBe(base);
		await expectLanguage(page, 'ar', 'rtl');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(m.survey_intro_heading({ firm: firm.name }, ar));
		// the switch names every language in its own words
		for (const name of ['Nederlands', 'English', 'Polski', 'Türkçe', 'العربية', 'Українська']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
		expect(await page.getByRole('button', { name: 'العربية', exact: true }).getAttribute('aria-pressed')).toBe('true');
		await page.screenshot({ path: 'test-results/survey-ar-intro-360.png', fullPage: true });
		await expectAccessible(page);

		await page.getByRole('link', { name: m.survey_start({}, ar) }).click();
		await page.waitForURL(`${base}/q/werk`);
		await expectLanguage(page, 'ar', 'rtl');
		expect(await page.getByText(m.survey_progress({ number: 1, total: 9 }, ar)).isVisible()).toBe(true);
		await expectMirroredOption(page, statement('werk_1'));
		const bar = (await page.locator('.progress-bar').boundingBox())!;
		const filled = (await page.locator('.progress-bar span').boundingBox())!;
		expect(Math.abs(filled.x + filled.width - (bar.x + bar.width)), 'the progress bar fills from the right').toBeLessThan(1);
		expect(filled.width).toBeLessThan(bar.width / 2);
		await choose(page, statement('werk_1'), answer(4));
		await page.screenshot({ path: 'test-results/survey-ar-step-360.png', fullPage: true });
		await expectAccessible(page);

		for (const following of ['ruimte', 'samen', 'leiding', 'organisatie', 'buitenwereld', 'background', 'learning', 'open']) {
			await page.getByRole('button', { name: m.survey_next({}, ar) }).click();
			await page.waitForURL(`${base}/q/${following}`);
			await expectLanguage(page, 'ar', 'rtl');
			if (following === 'ruimte') await choose(page, statement('ruimte_1'), answer(2));
			if (following === 'background') await expectAccessible(page);
		}
		await page.getByRole('button', { name: m.survey_next({}, ar) }).click();
		await page.waitForURL(`${base}/summary`);
		await expectAccessible(page);
		await page.getByRole('button', { name: m.survey_send({}, ar) }).click();
		await page.waitForURL(`${base}/thanks`);
		await expectLanguage(page, 'ar', 'rtl');
		expect(await page.getByRole('heading', { name: m.survey_thanks_title({}, ar) }).isVisible()).toBe(true);
		await expectAccessible(page);
		expect(scripts).toEqual([]);
	}, 240_000);

	it('answers all questions on one page in Arabic', async () => {
		const { page, scripts } = await arabicPhone();
		const base = `${server.baseUrl}/s/${server.seeded.onePage.linkToken}`;
		await page.goto(`${base}/all`);
		await expectLanguage(page, 'ar', 'rtl');
		await expectMirroredOption(page, statement('samen_1'));
		await page.screenshot({ path: 'test-results/survey-ar-all-360.png' });
		await expectAccessible(page);
		await choose(page, statement('samen_1'), answer(5));
		await choose(page, statement('leiding_2'), answer(1));
		await page.getByRole('button', { name: m.survey_send({}, ar) }).click();
		await page.waitForURL(`${base}/thanks`);
		expect(await page.getByText(m.survey_thanks_title({}, ar)).isVisible()).toBe(true);
		expect(scripts).toEqual([]);
	});

	it('switches to Polish without JavaScript, on the page where it stands, keeping what was chosen there', async () => {
		const { page } = await arabicPhone(false);
		const base = `${server.baseUrl}/s/${server.seeded.switching.linkToken}`;
		await page.goto(`${base}/q/werk`);
		await expectLanguage(page, 'ar', 'rtl');
		// half the screen answered, nothing sent yet
		await choose(page, statement('werk_1'), answer(4));
		await choose(page, statement('werk_2'), answer(2));
		await page.getByRole('button', { name: 'Polski', exact: true }).click();
		await page.waitForURL(`${base}/q/werk`);
		await expectLanguage(page, 'pl', 'ltr');
		expect(await page.getByText(m.survey_progress({ number: 1, total: 9 }, { locale: 'pl' })).isVisible()).toBe(true);
		expect(await group(page, questionText(instrument.items[0]!, 'employee', 'pl')).isVisible()).toBe(true);
		const polish = (id: string) => group(page, questionText(instrument.items.find((i) => i.id === id)!, 'employee', 'pl'));
		expect(await polish('werk_1').getByLabel(scaleLabel(instrument, 4, 'pl')!, { exact: true }).isChecked()).toBe(true);
		expect(await polish('werk_2').getByLabel(scaleLabel(instrument, 2, 'pl')!, { exact: true }).isChecked()).toBe(true);
		expect(await polish('werk_3').locator('input:checked').count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Polski', exact: true }).getAttribute('aria-pressed')).toBe('true');
		// the app's own pages stay Dutch or English: this browser lists neither, so English
		await page.goto(`${server.baseUrl}/login`);
		await expectLanguage(page, 'en', 'ltr');
	});

	it('switches the one-page questionnaire to Polish without JavaScript, with everything chosen still on it', async () => {
		const { page } = await arabicPhone(false);
		const base = `${server.baseUrl}/s/${server.seeded.switching.linkToken}`;
		await page.goto(`${base}/all`);
		await choose(page, statement('samen_1'), answer(5));
		await page.getByRole('button', { name: 'Polski', exact: true }).click();
		await page.waitForURL(`${base}/all`);
		await expectLanguage(page, 'pl', 'ltr');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(m.survey_all_title({}, { locale: 'pl' }));
		const samen = group(page, questionText(instrument.items.find((i) => i.id === 'samen_1')!, 'employee', 'pl'));
		expect(await samen.getByLabel(scaleLabel(instrument, 5, 'pl')!, { exact: true }).isChecked()).toBe(true);
		expect(await page.getByRole('alert').count()).toBe(0);
	});

	it("keeps the app's own pages in English once their script runs, and on a page the browser makes itself", async () => {
		const { page } = await arabicPhone(true);
		const documents: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'document') documents.push(new URL(request.url()).pathname);
		});
		await page.goto(`${server.baseUrl}/login`, { waitUntil: 'networkidle' });
		await expectLanguage(page, 'en', 'ltr');
		// after hydration, the browser renders with its own idea of the language: it must still be English
		expect(await page.locator('h1').textContent()).toBe(m.account_login_title({}, en));
		await page.locator('main').getByRole('link', { name: m.account_signup_title({}, en) }).click();
		await page.waitForURL(`${server.baseUrl}/signup`);
		expect(await page.locator('h1').textContent()).toBe(m.account_signup_title({}, en));
		// the sign-up page was made in the browser (no new document): the browser's rule, not the server's
		expect(documents).toEqual(['/login']);
	});

	it('keeps every respondent page under 30 kB compressed, without a script, in every language', async () => {
		const { linkToken } = server.seeded.switching;
		const base = `/s/${linkToken}`;
		const css = new Map<string, number>();
		for (const locale of surveyLocales) {
			const headers = { cookie: `${cookieName}=${locale}` };
			for (const path of [base, `${base}/all`, `${base}/q/werk`, `${base}/q/background`, `${base}/q/learning`, `${base}/summary`]) {
				const html = await (await fetch(server.baseUrl + path, { headers })).text();
				expect(html, `${path} in ${locale}`).toContain(`<html lang="${locale}"`);
				expect(html, `${path} in ${locale}`).not.toMatch(/<script|modulepreload/i);
				let bytes = gzipSync(html).length;
				for (const [, href] of html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)) {
					if (!css.has(href!)) css.set(href!, gzipSync(Buffer.from(await (await fetch(new URL(href!, server.baseUrl + path))).arrayBuffer())).length);
					bytes += css.get(href!)!;
				}
				expect(bytes, `${path} in ${locale}: ${bytes} bytes gzip`).toBeLessThan(30 * 1024);
			}
		}
	});

	it('stored the answers under the same codes as in Dutch', async () => {
		const stored = await server.inspect((db) => db.select().from(scanResponse));
		const screens = stored.find((r) => r.roundId === server.seeded.screens.id);
		const onePage = stored.find((r) => r.roundId === server.seeded.onePage.id);
		expect([screens?.answers.werk_1, screens?.answers.ruimte_1]).toEqual([4, 2]);
		expect([onePage?.answers.samen_1, onePage?.answers.leiding_2]).toEqual([5, 1]);
	});
});
