// Choosing another language in the header of a page with answers on it, over plain HTTP as a phone without
// JavaScript does: the language buttons submit the page's own form (name="language"), so nothing typed is lost.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { pageHtml as html, submissionKeyOf as keyOf, surveyPath as path } from '../support/survey';
import { makeFirm } from '../../helpers/factories';
import { makeRound } from '../../helpers/scan-factories';
import { scanResponse, submissionReceipt, surveyDraft } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

async function seed(db: Database) {
	const firm = await makeFirm(db, { name: 'Drukkerij Het Vel' });
	const screens = await makeRound(db, firm.id, {});
	const onePage = await makeRound(db, firm.id, {});
	return { screens, onePage };
}

const server = useSeededServer(seed);
const s = server.seeded;

describe('the language buttons on a question screen', () => {
	it('submit the screen: its language buttons belong to the screen form', async () => {
		const page = await html(await new HttpSession(server.baseUrl).get(path(s.screens, '/q/werk')));
		expect(page).toMatch(/<form method="POST" action="[^"]*\/q\/werk" id="survey-answers">/);
		expect(page).toMatch(/<button type="submit" class="link[^"]*" form="survey-answers" name="language" value="pl" lang="pl" dir="ltr" aria-pressed="false">Polski<\/button>/);
		expect(page).toMatch(/form="survey-answers" name="language" value="ar" lang="ar" dir="rtl"/);
		expect(page).not.toContain('action="/language"');
	});

	it('keep the answers given so far in the draft and come back to the same screen, now in Polish', async () => {
		const session = new HttpSession(server.baseUrl);
		const res = await session.post(path(s.screens, '/q/werk'), { werk_1: '4', werk_3: '9', language: 'pl' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(path(s.screens, '/q/werk'));
		const page = await html(await session.get(path(s.screens, '/q/werk')));
		expect(page).toContain('<html lang="pl"');
		expect(page).toContain('Krok 1 z 9');
		expect(page).toMatch(/name="werk_1" value="4" checked/);
		expect(page).toMatch(/name="werk_3" value="9" checked/);
		expect(page).toMatch(/value="pl" lang="pl" dir="ltr" aria-pressed="true">Polski/);
	});

	it('keep the place among the screens when the screen was opened from the summary', async () => {
		const session = new HttpSession(server.baseUrl);
		const res = await session.post(path(s.screens, '/q/ruimte?from=summary'), { ruimte_1: '2', language: 'tr' });
		expect(res.headers.get('location')).toBe(path(s.screens, '/q/ruimte?from=summary'));
	});

	it('show a screen with a refused answer again in the new language, with every choice kept', async () => {
		const session = new HttpSession(server.baseUrl);
		const res = await session.post(path(s.screens, '/q/werk'), { werk_1: '7', werk_2: '4', language: 'pl' });
		expect(res.status).toBe(400);
		const page = await html(res);
		expect(page).toContain('<html lang="pl"');
		expect(page).toContain('Nie wszystko jest dobrze wypełnione.');
		expect(page).toMatch(/name="werk_2" value="4" checked/);
		// and the next page is Polish too
		expect(await html(await session.get(path(s.screens, '/q/werk')))).toContain('<html lang="pl"');
	});

	it('choose no language from a value that is none of the six: the post is a plain "next"', async () => {
		const session = new HttpSession(server.baseUrl);
		const res = await session.post(path(s.screens, '/q/werk'), { werk_1: '4', language: 'xx' });
		expect(res.headers.get('location')).toBe(path(s.screens, '/q/ruimte'));
		expect(await html(await session.get(path(s.screens, '/q/werk')))).toContain('<html lang="nl"');
	});
});

describe('the language buttons on the one-page questionnaire', () => {
	it('give the page back in the new language with everything posted on it, storing nothing', async () => {
		const session = new HttpSession(server.baseUrl);
		const first = await html(await session.get(path(s.onePage, '/all')));
		expect(first).toMatch(/<button type="submit" class="link[^"]*" form="survey-answers" name="language" value="uk"/);
		const res = await session.post(path(s.onePage, '/all'), {
			werk_1: '4',
			leiding_3: '9',
			open_improve: 'Meer tijd om te leren',
			submissionKey: keyOf(first)!,
			language: 'pl'
		});
		expect(res.status).toBe(200);
		const page = await html(res);
		expect(page).toContain('<html lang="pl"');
		expect(page).toContain('Wszystkie pytania na jednej stronie');
		expect(page).toMatch(/name="werk_1" value="4" checked/);
		expect(page).toMatch(/name="leiding_3" value="9" checked/);
		expect(page).toContain('Meer tijd om te leren</textarea>');
		expect(page).not.toContain('role="alert"');
		expect(keyOf(page)).toMatch(/^[A-Za-z0-9_-]{43}$/);
	});
});

// Last: on the embedded database, looking inside stops the server.
describe('what the database holds afterwards', () => {
	it('the screen answers in a draft; nothing from the one-page questionnaire', async () => {
		const stored = await server.inspect(async (db) => ({
			drafts: await db.select({ data: surveyDraft.data }).from(surveyDraft).where(eq(surveyDraft.roundId, s.screens.id)),
			onePageDrafts: await db.select().from(surveyDraft).where(eq(surveyDraft.roundId, s.onePage.id)),
			responses: await db.select().from(scanResponse),
			receipts: await db.select().from(submissionReceipt)
		}));
		expect(stored.drafts.map((d) => d.data)).toContainEqual(expect.objectContaining({ werk_1: '4', werk_3: '9' }));
		expect(stored.onePageDrafts).toEqual([]);
		expect(stored.responses).toEqual([]);
		expect(stored.receipts).toEqual([]);
	});
});
