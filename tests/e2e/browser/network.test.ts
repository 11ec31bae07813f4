// Networks in real Chromium, on a server of its own (k = 3) with seeded firms: an owner accepts a network's
// invitation for their firm; the coordinator sees the benchmark with a hidden group, and nothing of another
// network or of a member firm on its own; the owner's report then says "Vergeleken met". Axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { closeSeededRound, seedResponses, seedRound } from '../../helpers/report-seed';
import { firm, networkMember } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { publishRoundReport } from '../../../src/lib/server/report/publish/publish-report';
import { addCoordinator, addFirmOnPaper, createNetwork } from '../../../src/lib/server/network/manage-network';
import { createNetworkInvitation } from '../../../src/lib/server/network/membership';

const password = 'koffie en een stroopwafel';
const k = 3;

async function firmWithRound(db: Database, ownerId: string, name: string, sector: string) {
	const f = await makeFirm(db, { ownerId, name });
	await db.update(firm).set({ sector, province: 'utrecht', employees: 20 }).where(eq(firm.id, f.id));
	const round = await seedRound(db, f.id, { threshold: k, name: 'Voorjaar 2026' });
	await seedResponses(db, round, 4);
	await publishRoundReport(db, await closeSeededRound(db, round), '2026-06-01');
	return { slug: f.slug, id: f.id, roundId: round.id };
}

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'eigenaar@example.nl', password, 'Els Eigenaar');
	const coordinator = await makeSignInUser(db, 'coordinator@example.nl', password, 'Cor Coördinator');
	const others = await makeSignInUser(db, 'anderen@example.nl', password, 'Ander');
	const noord = await createNetwork(db, { name: 'Leernetwerk Noord', slug: 'noord' });
	const zuid = await createNetwork(db, { name: 'Sectorfonds Zuid', slug: 'zuid', kind: 'sector-fund' });
	if (!noord.ok || !zuid.ok) throw new Error('networks not made');
	await addCoordinator(db, { networkSlug: 'noord', email: coordinator.email });
	// Four firms in bouw, three in horeca, one in ict: ict is hidden (1 < k), so horeca is hidden too.
	const sectors = ['bouw', 'bouw', 'bouw', 'bouw', 'horeca', 'horeca', 'horeca', 'ict'];
	const members: string[] = [];
	for (const [i, sector] of sectors.entries()) {
		const made = await firmWithRound(db, others.id, `Lid ${i + 1}`, sector);
		await addFirmOnPaper(db, { networkSlug: 'noord', firmSlug: made.slug, recordedBy: 'cli' });
		members.push(made.slug);
	}
	const own = await firmWithRound(db, owner.id, 'Bouwbedrijf De Ster', 'bouw');
	const { token } = await createNetworkInvitation(db, { networkId: noord.network.id, createdBy: coordinator.id });
	return { token, own, member: members[0]!, ownId: own.id };
}

const server = useSeededServer(seed, { LEERKOMPAS_THRESHOLD: String(k) });
const s = server.seeded;
let baseUrl = '';
let browser: Browser;
const contexts = new Map<string, BrowserContext>();

beforeAll(async () => {
	baseUrl = server.baseUrl;
	browser = await launchBrowser();
});
afterAll(async () => {
	for (const c of contexts.values()) await c.close();
	await browser?.close();
});

async function as(who: 'eigenaar' | 'coordinator'): Promise<BrowserContext> {
	const known = contexts.get(who);
	if (known) return known;
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nl-NL' });
	const res = await context.request.post(`${baseUrl}/login?/password`, {
		form: { email: `${who}@example.nl`, password },
		headers: { origin: baseUrl, accept: 'text/html' },
		maxRedirects: 0
	});
	if (res.status() !== 303) throw new Error(`sign-in of ${who} failed: ${res.status()}`);
	contexts.set(who, context);
	return context;
}

async function page(who: 'eigenaar' | 'coordinator', width: number): Promise<Page> {
	const p = await (await as(who)).newPage();
	await p.setViewportSize({ width, height: 900 });
	return p;
}

describe('networks', () => {
	it('an owner opens the invitation, sees what the network will see, and lets their firm join', async () => {
		const p = await page('eigenaar', 360);
		await p.goto(`${baseUrl}/network-invitations/${s.token}`);
		await p.getByRole('heading', { name: 'Meedoen met Leernetwerk Noord?' }).waitFor();
		await p.getByText('Alleen gemiddelden over minstens 3 bedrijven samen').waitFor();
		await expectAccessible(p);
		await p.screenshot({ path: '/tmp/network-join-360.png', fullPage: true });
		await p.getByRole('button', { name: 'Ja, mijn bedrijf doet mee' }).click();
		await p.waitForURL((url) => url.pathname === `/firms/${s.own.slug}/networks`);
		await p.getByText('Bouwbedrijf De Ster doet nu mee met Leernetwerk Noord.').waitFor();
		expect(await p.getByTestId('firm-networks').textContent()).toContain('Leernetwerk Noord');
		await expectAccessible(p);
	});

	it('the coordinator sees the benchmark with a hidden group, and nothing of another network or of a member firm', async () => {
		const p = await page('coordinator', 1280);
		await p.goto(`${baseUrl}/networks`);
		await p.getByRole('link', { name: 'Leernetwerk Noord' }).click();
		await p.waitForURL(`${baseUrl}/networks/noord`);
		const benchmark = p.getByTestId('network-benchmark');
		await benchmark.getByText('9 bedrijven tellen mee.').waitFor();
		// bouw (5) is shown; horeca (3) is hidden with ict (1), so the hidden firms are at least k.
		const sector = benchmark.locator('table', { has: p.locator('caption', { hasText: 'Sector' }) });
		// The first cell after the name is the number of firms.
		expect((await sector.locator('tr', { hasText: 'Bouw' }).locator('td').first().textContent())?.trim()).toBe('5');
		expect(await sector.locator('tr', { hasText: 'Horeca' }).textContent()).toContain('verborgen (minder dan 3 bedrijven)');
		await expectAccessible(p);
		await p.screenshot({ path: '/tmp/network-benchmark-1280.png', fullPage: true });
		await p.setViewportSize({ width: 360, height: 900 });
		await p.screenshot({ path: '/tmp/network-benchmark-360.png', fullPage: true });
		const pdf = await p.request.get(`${baseUrl}/networks/noord/benchmark.pdf`);
		expect(pdf.status()).toBe(200);
		expect(pdf.headers()['content-type']).toContain('application/pdf');
		for (const path of ['/networks/zuid', '/networks/zuid/benchmark.pdf', `/firms/${s.member}`, `/firms/${s.member}/networks`]) {
			expect((await p.request.get(`${baseUrl}${path}`)).status(), path).toBe(404);
		}
	});

	it('the owner then sees "Vergeleken met" in the report, and after leaving the membership is kept as ended', async () => {
		const p = await page('eigenaar', 360);
		await p.goto(`${baseUrl}/firms/${s.own.slug}/rounds/${s.own.roundId}/report`);
		await p.getByRole('heading', { name: 'Vergeleken met 8 vergelijkbare bedrijven in Leernetwerk Noord' }).waitFor();
		await p.screenshot({ path: '/tmp/network-report-360.png', fullPage: true });
		await p.goto(`${baseUrl}/firms/${s.own.slug}/networks`);
		await p.getByRole('button', { name: 'Stoppen met dit netwerk' }).click();
		await p.getByText('Uw bedrijf zit niet meer in Leernetwerk Noord.').waitFor();
		const rows = await server.inspect((db) => db.select().from(networkMember).where(eq(networkMember.firmId, s.ownId)));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ basis: 'owner' });
		expect(rows[0]!.leftAt).not.toBeNull();
	});
});
