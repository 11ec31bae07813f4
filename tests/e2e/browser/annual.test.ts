// Progress talks and the annual report in real Chromium, on a server of its own: a network's coordinator
// writes a talk (first with what is missing for a final talk), edits it, writes the introduction with a
// preview, opens the annual report and downloads its PDF; axe on every page; and a coordinator of another
// network, an owner and an outsider get 404 on every address of this network, read or post.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { pdfPlainText } from '../../helpers/pdf-text';
import { network, networkCoordinator, networkMember, pilot, progressTalk, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const year = new Date().getUTCFullYear();
const roles = ['coordinator', 'other', 'admin', 'owner', 'outsider'] as const;
type Role = (typeof roles)[number];

async function seed(db: Database) {
	const people = {} as Record<Role, { id: string; email: string }>;
	for (const role of roles) people[role] = await makeSignInUser(db, `${role}@example.nl`, password, `Persoon ${role}`);
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.other.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const [oost] = await db.insert(network).values({ slug: 'leernetwerk-oost', name: 'Leernetwerk Oost' }).returning();
	const [west] = await db.insert(network).values({ slug: 'sectorfonds-west', name: 'Sectorfonds West', kind: 'sector-fund' }).returning();
	await db.insert(networkCoordinator).values([
		{ networkId: oost!.id, userId: people.coordinator.id },
		{ networkId: west!.id, userId: people.other.id }
	]);
	// The owner's firm is a member of the network: membership gives an owner no view of the network's pages.
	const firm = await makeFirm(db, { ownerId: people.owner.id, name: 'Bouwbedrijf Oost' });
	await db.insert(networkMember).values({ networkId: oost!.id, firmId: firm.id, basis: 'owner', consentedBy: people.owner.id });
	const [talk] = await db
		.insert(progressTalk)
		.values({ networkId: oost!.id, year, project: 'Gezonde werkplaats', goals: 'Doel', done: 'Gedaan', results: 'Resultaat', status: 'final', createdBy: people.coordinator.id })
		.returning();
	await db.insert(pilot).values([
		{ networkId: oost!.id, slug: 'leerambassadeurs', name: 'Leerambassadeurs in de bouw' },
		{ networkId: west!.id, slug: 'geheim-west', name: 'Geheime pilot van West' }
	]);
	const [westTalk] = await db.insert(progressTalk).values({ networkId: west!.id, year, project: 'Geheim project van West', status: 'final' }).returning();
	return { people, talk: talk!.id, westTalk: westTalk!.id };
}

// Each role signs in from an address of its own, as people do: one address would meet the sign-in limit.
const server = useSeededServer(seed, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
const s = server.seeded;
let baseUrl = '';
let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
	baseUrl = server.baseUrl;
	browser = await launchBrowser();
	for (const role of roles) await as(role);
});
afterAll(async () => {
	for (const c of contexts.values()) await c.close();
	await browser?.close();
});

async function as(role: Role): Promise<BrowserContext> {
	const known = contexts.get(role);
	if (known) return known;
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
	const res = await context.request.post(`${baseUrl}/login?/password`, {
		form: { email: `${role}@example.nl`, password },
		headers: { origin: baseUrl, accept: 'text/html', 'x-forwarded-for': `10.0.4.${contexts.size + 10}` },
		maxRedirects: 0
	});
	if (res.status() !== 303) throw new Error(`sign-in of ${role} failed: ${res.status()}`);
	contexts.set(role, context);
	return context;
}

async function page(role: Role, width = 1280): Promise<Page> {
	const p = await (await as(role)).newPage();
	await p.setViewportSize({ width, height: 900 });
	return p;
}

const base = '/networks/leernetwerk-oost';

describe('progress talks and the annual report', () => {
	it('a coordinator writes a talk, edits the introduction and downloads the annual report as PDF', async () => {
		const c = await page('coordinator', 360);
		await c.goto(`${baseUrl}${base}/talks`);
		expect(await c.locator('main').textContent()).toContain('Gezonde werkplaats');
		await expectAccessible(c);
		await c.getByRole('link', { name: 'Nieuw gesprek vastleggen' }).click();
		await c.waitForURL(/\/talks\/new/);
		await expectAccessible(c);
		await c.getByLabel('Project of pilot').fill('Leerambassadeurs in de bouw');
		// The pilot is one of this network's own, chosen from a list: another network's pilot is not offered.
		expect(await c.getByLabel(/Pilot \(mag leeg\)/).locator('option').allTextContents()).toEqual(['Geen pilot: het gesprek gaat over een project', 'Leerambassadeurs in de bouw']);
		await c.getByLabel(/Pilot \(mag leeg\)/).selectOption('leerambassadeurs');
		await c.getByLabel(/Wie deden mee/).fill('projectleider, twee ondernemers');
		await c.getByLabel('Doelen').fill('Tien bouwbedrijven met een leerambassadeur');
		await c.getByLabel(/Afgerond: komt in het jaarverslag/).check();
		await c.getByRole('button', { name: 'Opslaan' }).click();
		// A final talk needs what was done and the results: the form says so and keeps what was typed.
		await c.getByText('Vul dit in voordat het gesprek afgerond is, of sla het op als concept.').first().waitFor();
		expect(await c.getByLabel('Doelen').inputValue()).toBe('Tien bouwbedrijven met een leerambassadeur');
		await expectAccessible(c);
		await c.screenshot({ path: 'test-results/annual-talk-errors-360.png', fullPage: true });
		await c.getByLabel('Wat is er gedaan?').fill('Drie bijeenkomsten en een training voor ambassadeurs');
		await c.getByLabel('Resultaten').fill('Zeven bedrijven hebben nu een leerambassadeur');
		await c.getByRole('button', { name: 'Opslaan' }).click();
		await c.waitForURL(/\/talks\?year=\d{4}&saved/);
		await c.getByRole('link', { name: 'Leerambassadeurs in de bouw' }).click();
		await c.waitForURL(/\/talks\/[0-9a-f-]{36}$/);
		// The figures part says plainly that there are no figures yet.
		expect(await c.locator('main').textContent()).toContain('Voor deze pilot zijn nog geen cijfers');
		await expectAccessible(c);
		await c.getByLabel('Wat hebben we geleerd?').fill('Persoonlijk bellen werkt beter dan mailen');
		await c.getByRole('button', { name: 'Opslaan' }).click();
		await c.waitForURL(/\/talks\?year=\d{4}&saved/);

		const d = await page('coordinator');
		await d.goto(`${baseUrl}${base}/annual`);
		await d.waitForURL(new RegExp(`/annual/${year}$`));
		await d.getByRole('link', { name: 'Inleiding en conclusies schrijven' }).click();
		await d.waitForURL(/\/edit$/);
		await d.getByLabel('Inleiding').fill('## Ons jaar\n\nWe spraken **twaalf** projecten. <b>vet</b>');
		await d.getByRole('button', { name: 'Voorbeeld bekijken' }).click();
		const preview = d.locator('.annual-preview');
		// The preview comes back with the posted form: wait for its text, not only for the box.
		await preview.getByText('We spraken twaalf projecten.', { exact: false }).waitFor();
		expect(await preview.textContent()).toContain('We spraken twaalf projecten. <b>vet</b>');
		expect(await preview.locator('b').count()).toBe(0);
		expect(await d.getByLabel('Inleiding').inputValue()).toContain('## Ons jaar');
		await expectAccessible(d);
		await d.getByRole('button', { name: 'Opslaan' }).click();
		await d.waitForURL(/\/edit\?saved/);
		await d.getByRole('link', { name: /Terug naar het jaarverslag/ }).click();
		await d.waitForURL(new RegExp(`/annual/${year}$`));
		const report = (await d.locator('main').textContent()) ?? '';
		expect(report).toContain('Leernetwerk Oost: jaarverslag');
		expect(report).toContain('We spraken twaalf projecten.');
		expect(report).toContain('Leerambassadeurs in de bouw');
		expect(report).toContain('Persoonlijk bellen werkt beter dan mailen');
		expect(report).toContain('Er zijn nog geen cijfers van het netwerk');
		await expectAccessible(d);
		await d.screenshot({ path: 'test-results/annual-report-desktop.png', fullPage: true });
		await d.setViewportSize({ width: 360, height: 900 });
		await d.screenshot({ path: 'test-results/annual-report-360.png', fullPage: true });

		const [download] = await Promise.all([d.waitForEvent('download'), d.getByTestId('annual-pdf').click()]);
		const file = await download.path();
		const { readFileSync } = await import('node:fs');
		const text = await pdfPlainText(new Uint8Array(readFileSync(file)));
		expect(text).toContain('Leernetwerk Oost: jaarverslag');
		expect(text).toContain('We spraken twaalf projecten.');
		expect(text).toContain('Zeven bedrijven hebben nu een leerambassadeur');
		expect(text).not.toContain('Geheim project van West');
	});
});

describe('who reaches what', () => {
	const status = async (role: Role | 'anonymous', path: string, form?: Record<string, string>) => {
		if (role === 'anonymous' && !contexts.has(role)) contexts.set(role, await browser.newContext());
		const request = role === 'anonymous' ? contexts.get(role)!.request : (await as(role)).request;
		const res = form
			? await request.post(`${baseUrl}${path}`, { form, headers: { origin: baseUrl, accept: 'text/html' }, maxRedirects: 0 })
			: await request.get(`${baseUrl}${path}`, { headers: { accept: 'text/html' }, maxRedirects: 0 });
		return res.status();
	};
	const talkForm = { year: String(year), project: 'Poging', status: 'draft' };
	const reads = () => [`${base}/talks`, `${base}/talks/new`, `${base}/talks/${s.talk}`, `${base}/annual/${year}`, `${base}/annual/${year}/edit`, `${base}/annual/${year}/annual-report.pdf`];
	const posts = () => [
		[`${base}/talks/new`, talkForm],
		[`${base}/talks/${s.talk}`, talkForm],
		[`${base}/annual/${year}/edit`, { intent: 'save', introduction: 'Overschreven', conclusions: '' }]
	] as const;

	it('opens a network\u2019s talks and annual report to its coordinators and admins only: everyone else gets 404', async () => {
		for (const role of ['coordinator', 'admin'] as const) {
			for (const path of reads()) expect(await status(role, path), `${role} ${path}`).toBe(200);
			expect(await status(role, `${base}/annual`), role).toBe(303);
		}
		for (const role of ['other', 'owner', 'outsider'] as const) {
			for (const path of [...reads(), `${base}/annual`]) expect(await status(role, path), `${role} ${path}`).toBe(404);
			for (const [path, form] of posts()) expect(await status(role, path, form), `${role} POST ${path}`).toBe(404);
		}
		for (const path of reads()) expect(await status('anonymous', path), path).toBe(303);
		// A talk of another network is not found through this one, not even by its coordinator.
		expect(await status('coordinator', `${base}/talks/${s.westTalk}`)).toBe(404);
		expect(await status('coordinator', `${base}/talks/${s.westTalk}`, talkForm)).toBe(404);
		expect(await status('coordinator', `${base}/talks/geen-id`)).toBe(404);
		expect(await status('coordinator', `${base}/annual/twee`)).toBe(404);
		// Nor can a talk of this network name another network's pilot: refused with a sentence, nothing stored.
		const refused = await (await as('coordinator')).request.post(`${baseUrl}${base}/talks/new`, {
			form: { ...talkForm, project: 'Met de pilot van West', pilotSlug: 'geheim-west' },
			headers: { origin: baseUrl, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(400);
		expect(await refused.text()).toContain('Deze pilot hoort niet bij dit netwerk. Kies een pilot uit de lijst, of geen pilot.');
		expect(await server.inspect(async (db) => db.select().from(progressTalk).where(eq(progressTalk.project, 'Met de pilot van West')))).toEqual([]);
		const west = await server.inspect(async (db) => db.select().from(progressTalk).where(eq(progressTalk.id, s.westTalk)));
		expect(west[0]?.project).toBe('Geheim project van West');
	});
});
