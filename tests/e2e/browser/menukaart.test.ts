// The menukaart, success stories and the SLIM draft in real Chromium, on a server of their own with seeded
// firms: a coordinator adds an offer that an owner in that province sees (and an owner elsewhere does not),
// an owner submits a story that a coordinator approves, an owner opens the SLIM draft; axe on every new
// page; and every role tries to reach what is not theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { closeSeededRound, seedResponses, seedRound } from '../../helpers/report-seed';
import { pdfPlainText } from '../../helpers/pdf-text';
import { adviserGrant, firm, firmAction, firmMember, successStory, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';

async function seed(db: Database) {
	const people = {} as Record<'owner' | 'manager' | 'adviser' | 'revoked' | 'coordinator' | 'admin' | 'outsider', { id: string; email: string }>;
	for (const role of ['owner', 'manager', 'adviser', 'revoked', 'coordinator', 'admin', 'outsider'] as const) {
		people[role] = await makeSignInUser(db, `${role}@example.nl`, password, `Persoon ${role}`);
	}
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const zeeland = await makeFirm(db, { ownerId: people.owner.id, name: 'Bouwbedrijf Zeeuws Licht' });
	await db.update(firm).set({ province: 'zeeland', sector: 'bouw' }).where(eq(firm.id, zeeland.id));
	await db.insert(firmMember).values({ firmId: zeeland.id, userId: people.manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: zeeland.id, adviserId: people.adviser.id, kind: 'adviser' });
	await db.insert(adviserGrant).values({ firmId: zeeland.id, adviserId: people.revoked.id, kind: 'adviser', revokedAt: new Date() });
	const limburg = await makeFirm(db, { ownerId: people.outsider.id, name: 'Bouwbedrijf Maasdal' });
	await db.update(firm).set({ province: 'limburg', sector: 'bouw' }).where(eq(firm.id, limburg.id));
	let round = await seedRound(db, zeeland.id, { name: 'Voorjaar 2026' });
	await seedResponses(db, round, 12);
	await seedResponses(db, round, 1, 'owner');
	round = await closeSeededRound(db, round);
	await db.insert(firmAction).values({ firmId: zeeland.id, roundId: round.id, title: 'Meester-gezel koppels maken', entrySlug: 'meester-gezel', aspectId: 'samen', origin: 'kennisbank', dueOn: '2026-09-30' });
	const [waiting] = await db
		.insert(successStory)
		.values({ firmId: zeeland.id, title: 'Leren van fouten op vrijdag', what: 'Elke vrijdag bespreken we wat misging en wat we ervan leerden.', result: 'Fouten komen eerder op tafel.', tip: 'Begin met een eigen fout.', aspects: ['ruimte'], costBand: 'geen', funding: ['geen'], status: 'submitted', consentAt: new Date(), consentBy: people.owner.id })
		.returning();
	const [draft] = await db
		.insert(successStory)
		.values({ firmId: zeeland.id, title: 'Nog een concept', what: 'Nog niet af, nog niet ingestuurd door de eigenaar.', result: 'Nog niets.', tip: 'Geen.', aspects: ['werk'], costBand: 'geen', funding: ['geen'] })
		.returning();
	return { people, zeeland: zeeland.slug, limburg: limburg.slug, roundId: round.id, waitingStory: waiting!.id, draftStory: draft!.id };
}

type Seeded = Awaited<ReturnType<typeof seed>>;
const server = useSeededServer(seed);
const s = server.seeded;
let baseUrl = '';
let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
	baseUrl = server.baseUrl;
	browser = await launchBrowser();
	// Every role signs in once, here, where there is time to wait out the limit of five sign-ins a minute.
	for (const role of Object.keys(s.people) as (keyof Seeded['people'])[]) await as(role);
});
afterAll(async () => {
	for (const c of contexts.values()) await c.close();
	await browser?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A browser context signed in as `role`, made once; sign-in is limited to five a minute, so a sixth waits. */
async function as(role: keyof Seeded['people']): Promise<BrowserContext> {
	const known = contexts.get(role);
	if (known) return known;
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
	for (let attempt = 0; attempt < 3; attempt++) {
		const res = await context.request.post(`${baseUrl}/login?/password`, {
			form: { email: `${role}@example.nl`, password },
			headers: { origin: baseUrl, accept: 'text/html' },
			maxRedirects: 0
		});
		if (res.status() === 303) break;
		if (attempt === 2) throw new Error(`sign-in of ${role} failed: ${res.status()}`);
		await sleep(61_000);
	}
	contexts.set(role, context);
	return context;
}

async function page(role: keyof Seeded['people'], width = 1280): Promise<Page> {
	const p = await (await as(role)).newPage();
	await p.setViewportSize({ width, height: 900 });
	return p;
}

describe('the menukaart', () => {
	it('a coordinator adds an offer that an owner in that province sees, and an owner elsewhere does not', async () => {
		const coordinator = await page('coordinator');
		await coordinator.goto(`${baseUrl}/offers/new`);
		await expectAccessible(coordinator);
		// Sent with what the browser cannot check (no region, an http link, no way to pay), the form comes back
		// with what to fix next to each field and what was typed, and passes axe like that too.
		await coordinator.getByLabel('Soort').selectOption('opleiding');
		await coordinator.getByLabel('Naam van het aanbod').fill('Leermeester op de bouwplaats');
		await coordinator.getByLabel('Aanbieder').fill('Bouwopleiding Zuidwest');
		await coordinator.getByLabel('Korte uitleg').fill('Drie avonden over het inwerken van nieuwe collega’s.');
		await coordinator.getByLabel('Link naar meer informatie').fill('http://example.nl/leermeester');
		await coordinator.locator('form.card button[type="submit"]').click();
		await coordinator.getByText('Kies minstens een provincie, of Landelijk.').waitFor();
		expect(await coordinator.getByText('Vul een link in die begint met https://').count()).toBe(1);
		expect(await coordinator.getByText('Vul de kosten in woorden in of kies een prijsklasse.').count()).toBe(1);
		expect(await coordinator.getByLabel('Aanbieder').inputValue()).toBe('Bouwopleiding Zuidwest');
		await expectAccessible(coordinator);
		await coordinator.setViewportSize({ width: 360, height: 900 });
		await coordinator.screenshot({ path: 'test-results/menukaart-offer-errors-360.png', fullPage: true });
		await coordinator.setViewportSize({ width: 1280, height: 900 });

		await coordinator.getByLabel('Link naar meer informatie').fill('https://example.nl/leermeester');
		await coordinator.getByRole('group', { name: 'Regio' }).getByLabel('Zeeland').check();
		await coordinator.getByLabel('Prijsklasse', { exact: true }).selectOption('laag');
		await coordinator.getByRole('group', { name: 'Wie kan het betalen?' }).getByLabel('O&O-fonds van de sector').check();
		await coordinator.locator('form.card button[type="submit"]').click();
		await coordinator.waitForURL(/\/offers\?saved/);
		expect(await coordinator.getByTestId('offer-list').textContent()).toContain('Leermeester op de bouwplaats');
		await expectAccessible(coordinator);
		await coordinator.screenshot({ path: 'test-results/menukaart-offers-desktop.png', fullPage: true });

		const owner = await page('owner', 360);
		await owner.goto(`${baseUrl}/firms/${s.zeeland}`);
		const menukaart = owner.getByTestId('menukaart');
		expect(await menukaart.textContent()).toContain('Leermeester op de bouwplaats');
		expect(await menukaart.getByRole('link', { name: /Leermeester op de bouwplaats/ }).getAttribute('href')).toBe('https://example.nl/leermeester');
		await expectAccessible(owner);
		await owner.screenshot({ path: 'test-results/menukaart-firm-360.png', fullPage: true });
		await owner.goto(`${baseUrl}/firms/${s.zeeland}/rounds/${s.roundId}/report`);
		expect(await owner.getByTestId('menukaart').textContent()).toContain('Leermeester op de bouwplaats');
		await expectAccessible(owner);

		const elsewhere = await page('outsider');
		await elsewhere.goto(`${baseUrl}/firms/${s.limburg}`);
		expect(await elsewhere.getByTestId('menukaart').textContent()).not.toContain('Leermeester op de bouwplaats');

		// Archived, it is gone for the owner.
		await coordinator.getByTestId('offer-list').locator('li', { hasText: 'Leermeester op de bouwplaats' }).getByRole('button', { name: /^Archiveren/ }).click();
		await coordinator.getByText('Het aanbod is gearchiveerd.').waitFor();
		await owner.goto(`${baseUrl}/firms/${s.zeeland}`);
		expect(await owner.getByTestId('menukaart').textContent()).not.toContain('Leermeester op de bouwplaats');
	});
});

describe('success stories', () => {
	it('an owner submits a story with consent, and a coordinator approves it', async () => {
		const owner = await page('owner', 360);
		await owner.goto(`${baseUrl}/firms/${s.zeeland}/stories/new`);
		await expectAccessible(owner);
		await owner.getByLabel('Titel').fill('Een vaste leermeester voor elke nieuwe collega');
		await owner.getByLabel('Wat deden we?').fill('Elke nieuwe collega krijgt de eerste drie maanden een vaste leermeester op de bouwplaats.');
		await owner.getByLabel('Wat leverde het op?').fill('Nieuwe mensen blijven langer en durven sneller vragen te stellen.');
		await owner.getByLabel('Uw tip voor andere ondernemers').fill('Geef de leermeester er echt tijd voor.');
		await owner.getByRole('group', { name: 'Waar ging het over?' }).getByLabel('Samen leren in het team').check();
		await owner.getByLabel('Wat kostte het ongeveer?').selectOption('geen');
		await owner.getByRole('group', { name: 'Hoe is het betaald?' }).getByLabel('Geen subsidie of fonds nodig').check();
		// Without consent it is not sent.
		await owner.getByRole('button', { name: 'Insturen voor goedkeuring' }).click();
		await owner.waitForLoadState();
		expect(await owner.getByText('Zet een vinkje bij toestemming').count()).toBe(1);
		await expectAccessible(owner);
		await owner.screenshot({ path: 'test-results/menukaart-story-360.png', fullPage: true });
		await owner.getByLabel(/Ik geef toestemming/).check();
		await owner.getByRole('button', { name: 'Insturen voor goedkeuring' }).click();
		await owner.waitForURL(/\/stories\/[0-9a-f-]{36}\?submitted/);
		expect(await owner.getByTestId('story-status').textContent()).toBe('Wacht op goedkeuring');
		await expectAccessible(owner);

		const coordinator = await page('coordinator');
		await coordinator.goto(`${baseUrl}/stories`);
		const list = (await coordinator.getByTestId('review-list').textContent()) ?? '';
		expect(list).toContain('Een vaste leermeester voor elke nieuwe collega');
		expect(list).not.toContain('Nog een concept');
		await expectAccessible(coordinator);
		await coordinator.getByRole('link', { name: 'Een vaste leermeester voor elke nieuwe collega' }).click();
		await coordinator.waitForURL(/\/stories\/[0-9a-f-]{36}$/);
		await expectAccessible(coordinator);
		await coordinator.screenshot({ path: 'test-results/menukaart-review-desktop.png', fullPage: true });
		await coordinator.getByRole('button', { name: 'Goedkeuren' }).click();
		await coordinator.waitForURL(/\/stories\?approved/);

		await owner.reload();
		expect(await owner.getByTestId('story-status').textContent()).toBe('Goedgekeurd');
		// It is now a public entry of the knowledge base, without the firm's name (the owner did not choose it).
		await owner.getByRole('link', { name: 'Bekijk uw verhaal in de kennisbank' }).click();
		await owner.waitForURL(/\/knowledge\/praktijk-een-vaste-leermeester/);
		expect(await owner.getByRole('heading', { level: 1 }).textContent()).toContain('Een vaste leermeester voor elke nieuwe collega');
		const entryText = (await owner.locator('main').textContent()) ?? '';
		expect(entryText).toContain('Geef de leermeester er echt tijd voor.');
		expect(entryText).not.toContain('Zeeuws Licht');
	});
});

describe('the SLIM draft', () => {
	it('shows the draft with its warning and gives it as PDF and text', async () => {
		const owner = await page('owner', 360);
		await owner.goto(`${baseUrl}/firms/${s.zeeland}/rounds/${s.roundId}/report`);
		await owner.getByRole('link', { name: 'Concept activiteitenplan SLIM maken' }).click();
		await owner.waitForURL(/\/slim$/);
		expect(await owner.getByTestId('slim-draft-notice').textContent()).toContain('Dit is een concept');
		expect(await owner.getByTestId('slim-document').textContent()).toContain('Meester-gezel koppels maken');
		await expectAccessible(owner);
		await owner.screenshot({ path: 'test-results/menukaart-slim-360.png', fullPage: true });
		const pdf = await owner.context().request.get(`${baseUrl}/firms/${s.zeeland}/rounds/${s.roundId}/slim/slim.pdf`);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect(await pdfPlainText(new Uint8Array(await pdf.body()))).toContain('CONCEPT');
		const text = await owner.context().request.get(`${baseUrl}/firms/${s.zeeland}/rounds/${s.roundId}/slim/slim.md`);
		expect(text.headers()['content-disposition']).toContain('attachment');
		expect(await text.text()).toContain('## 4. Het ontwikkelplan: gekozen acties');
	});
});

describe('who reaches what', () => {
	const status = async (role: keyof Seeded['people'] | 'anonymous', path: string, form?: Record<string, string>) => {
		if (role === 'anonymous' && !contexts.has(role)) contexts.set(role, await browser.newContext());
		const request = role === 'anonymous' ? contexts.get(role)!.request : (await as(role)).request;
		const res = form
			? await request.post(`${baseUrl}${path}`, { form, headers: { origin: baseUrl, accept: 'text/html' }, maxRedirects: 0 })
			: await request.get(`${baseUrl}${path}`, { headers: { accept: 'text/html' }, maxRedirects: 0 });
		return res.status();
	};

	it('keeps the menukaart and the review of stories to coordinators and admins', async () => {
		const offer = { kind: 'initiatief', title: 'Poging', provider: 'X', description: 'Y', url: 'https://example.nl', regions: 'zeeland', costBand: 'geen', funding: 'geen' };
		for (const role of ['coordinator', 'admin'] as const) {
			expect(await status(role, '/offers'), role).toBe(200);
			expect(await status(role, '/stories'), role).toBe(200);
			expect(await status(role, `/stories/${s.waitingStory}`), role).toBe(200);
		}
		// A coordinator never reads a story its firm has not submitted.
		expect(await status('coordinator', `/stories/${s.draftStory}`)).toBe(404);
		for (const role of ['owner', 'manager', 'adviser', 'revoked', 'outsider'] as const) {
			expect(await status(role, '/offers'), role).toBe(404);
			expect(await status(role, '/offers/new'), role).toBe(404);
			expect(await status(role, '/offers/new?/save', offer), role).toBe(404);
			expect(await status(role, '/stories'), role).toBe(404);
			expect(await status(role, `/stories/${s.waitingStory}`), role).toBe(404);
			expect(await status(role, `/stories/${s.waitingStory}?/approve`, {}), role).toBe(404);
		}
		expect(await status('anonymous', '/offers')).toBe(303);
		expect(await status('anonymous', `/stories/${s.waitingStory}?/approve`, {})).toBe(303);
	});

	it('keeps a firm’s stories to its owner and co-managers, and its SLIM draft to those who read its report', async () => {
		const stories = `/firms/${s.zeeland}/stories`;
		const slim = `/firms/${s.zeeland}/rounds/${s.roundId}/slim`;
		for (const role of ['owner', 'manager'] as const) {
			expect(await status(role, stories), role).toBe(200);
			expect(await status(role, `${stories}/${s.draftStory}`), role).toBe(200);
		}
		for (const role of ['owner', 'manager', 'adviser'] as const) {
			expect(await status(role, slim), role).toBe(200);
			expect(await status(role, `${slim}/slim.md`), role).toBe(200);
		}
		for (const role of ['adviser', 'revoked', 'coordinator', 'admin', 'outsider'] as const) {
			expect(await status(role, stories), role).toBe(404);
			expect(await status(role, `${stories}/${s.draftStory}`), role).toBe(404);
			expect(await status(role, `${stories}/new?/save`, { title: 'Poging van buiten' }), role).toBe(404);
		}
		for (const role of ['revoked', 'coordinator', 'admin', 'outsider'] as const) {
			expect(await status(role, slim), role).toBe(404);
			expect(await status(role, `${slim}/slim.pdf`), role).toBe(404);
			expect(await status(role, `${slim}/slim.md`), role).toBe(404);
		}
		// Another firm's owner cannot reach this firm's story through its own firm either.
		expect(await status('outsider', `/firms/${s.limburg}/stories/${s.draftStory}`)).toBe(404);
		expect(await status('anonymous', stories)).toBe(303);
		expect(await status('anonymous', `${slim}/slim.pdf`)).toBe(303);
	});
});
