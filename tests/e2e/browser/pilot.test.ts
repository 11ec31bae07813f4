// Pilots in real Chromium, on a server of its own (k = 3) with six member firms that each have a closed round
// before and after: the coordinator creates a pilot from a knowledge-base entry, puts three firms in each arm
// with their rounds (one first without the after round, set later), sees the minimum detectable effect in words,
// gets a plain error for an after round that is not later, and reads the evaluation per aspect in words with
// its 95% interval. Axe on every page; screenshots at 360 px and desktop in test-results/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { useSeededServer } from '../support/seeded-server';
import { makeSignInUser } from '../../helpers/scan-factories';
import { seedPilotNetwork, type SeededPilotFirm } from '../../helpers/pilot-seed';
import { pilot, pilotEvaluation, pilotFirm, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const k = 3;

async function seed(db: Database) {
	const coordinator = await makeSignInUser(db, 'coordinator@example.nl', password, 'Cor Coördinator');
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, coordinator.id));
	const seeded = await seedPilotNetwork(db, { firms: 2 * k, employees: 6, coordinatorId: coordinator.id, name: 'Leernetwerk Midden' });
	return { network: seeded.network.slug, firms: seeded.firms };
}

const server = useSeededServer(seed, { LEERKOMPAS_THRESHOLD: String(k) });
const s = server.seeded;
let baseUrl = '';
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	baseUrl = server.baseUrl;
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
	const res = await context.request.post(`${baseUrl}/login?/password`, {
		form: { email: 'coordinator@example.nl', password },
		headers: { origin: baseUrl, accept: 'text/html' },
		maxRedirects: 0
	});
	if (res.status() !== 303) throw new Error(`sign-in failed: ${res.status()}`);
});
afterAll(async () => {
	await context?.close();
	await browser?.close();
});

async function page(width: number): Promise<Page> {
	const p = await context.newPage();
	await p.setViewportSize({ width, height: 900 });
	return p;
}

async function addFirm(p: Page, f: SeededPilotFirm, arm: 'pilotgroep' | 'vergelijkingsgroep', after: string) {
	await p.getByLabel('Bedrijf', { exact: true }).selectOption(f.id);
	await p.getByLabel('Ronde vooraf').selectOption(f.before.id);
	await p.getByLabel('Ronde achteraf (mag leeg)').selectOption(after);
	await p.getByRole('radio', { name: arm }).check();
	await p.getByRole('button', { name: 'Opslaan' }).click();
}

let entryTitle = '';
// The name holds markup to show it is printed as text; the link's name is made from it.
const name = 'Leerambassadeurs <b>in</b> de bouw';
const slug = 'leerambassadeurs-b-in-b-de-bouw';

describe('pilots', () => {
	it('the coordinator creates a pilot from a knowledge-base entry', async () => {
		const p = await page(360);
		await p.goto(`${baseUrl}/networks/${s.network}/pilots`);
		await p.getByText('Dit netwerk heeft nog geen pilots.').waitFor();
		await expectAccessible(p);
		await p.getByRole('link', { name: 'Nieuwe pilot' }).click();
		await p.waitForURL(`${baseUrl}/networks/${s.network}/pilots/new`);
		await expectAccessible(p);
		// A name of only spaces passes the browser's check; the server says plainly what is missing and keeps the choice.
		const entry = p.getByLabel('Aanpak uit de kennisbank');
		const option = entry.locator('option:not([value=""])').first();
		entryTitle = ((await option.textContent()) ?? '').trim();
		expect(entryTitle).not.toBe('');
		await entry.selectOption({ label: entryTitle });
		await p.getByLabel('Naam van de pilot').fill('   ');
		await p.getByRole('button', { name: 'Pilot maken' }).click();
		await p.locator('.field-error').first().waitFor();
		await expectAccessible(p);
		await p.screenshot({ path: 'test-results/pilot-new-errors-360.png', fullPage: true });
		expect(await p.getByLabel('Aanpak uit de kennisbank').locator('option:checked').textContent()).toBe(entryTitle);
		await p.getByLabel('Naam van de pilot').fill(name);
		await p.getByRole('button', { name: 'Pilot maken' }).click();
		await p.waitForURL(`${baseUrl}/networks/${s.network}/pilots/${slug}`);
		await p.getByRole('heading', { level: 1, name }).waitFor();
		await p.getByRole('link', { name: `Aanpak: ${entryTitle}` }).waitFor();
		expect(await p.locator('main b').count()).toBe(0);
		await p.getByText('Zet eerst bedrijven in beide groepen').waitFor();
		// No firm has figures yet: every aspect says how many firms each arm has and how many it needs.
		await p.getByText(/nog geen cijfers\. Er zijn 0 bedrijven in de pilotgroep en 0 in de vergelijkingsgroep/).first().waitFor();
		await expectAccessible(p);
	});

	it('adds firms to both arms, sees the minimum detectable effect, and a plain error for a wrong after round', async () => {
		const p = await page(1280);
		await p.goto(`${baseUrl}/networks/${s.network}/pilots/${slug}`);
		const [first, ...rest] = s.firms;
		// The first pilot firm without its after round: that is set later.
		await addFirm(p, first!, 'pilotgroep', '');
		await p.getByText('Opgeslagen.').waitFor();
		for (const [i, f] of rest.entries()) {
			await addFirm(p, f, i < k - 1 ? 'pilotgroep' : 'vergelijkingsgroep', f.after.id);
			await p.getByText('Opgeslagen.').waitFor();
		}
		expect(await p.getByTestId('pilot-firms-pilot').locator('li').count()).toBe(k);
		expect(await p.getByTestId('pilot-firms-comparison').locator('li').count()).toBe(k);
		expect(await p.getByTestId('pilot-firms-pilot').textContent()).toContain('achteraf: nog niet gekozen');
		// Two pilot firms with both rounds is fewer than k: no figures yet, and the page says why.
		await p.getByText(/nog geen cijfers\. Er zijn 2 bedrijven in de pilotgroep en 3 in de vergelijkingsgroep/).first().waitFor();
		const mde = (await p.getByTestId('pilot-mde').textContent()) ?? '';
		expect(mde).toMatch(/^Met 3 bedrijven per groep en ongeveer 6 medewerkers per bedrijf kunt u een verschil van ongeveer \d+,\d standaardafwijking zien\.$/);
		// An after round that starts before the round before: a plain message, the choices kept.
		await addFirm(p, first!, 'pilotgroep', first!.before.id);
		await p.locator('#field-after-error').waitFor();
		expect(await p.locator('#field-after-error').textContent()).not.toBe('');
		expect(await p.getByLabel('Bedrijf', { exact: true }).inputValue()).toBe(first!.id);
		await expectAccessible(p);
		await p.screenshot({ path: 'test-results/pilot-add-error-desktop.png', fullPage: true });
		// Working it out for another size is a GET form: nothing is stored.
		await p.getByLabel('Bedrijven per groep').fill('12');
		await p.getByRole('button', { name: 'Uitrekenen' }).click();
		await p.waitForURL(/\?j=12&m=/);
		expect(await p.getByTestId('pilot-mde').textContent()).toContain('Met 12 bedrijven per groep');
		await p.getByText('U rekent met het aantal dat u hieronder invulde.').waitFor();
		await expectAccessible(p);
	});

	it('sets the after round of the first firm and reads the evaluation per aspect in words with an interval', async () => {
		const p = await page(1280);
		await p.goto(`${baseUrl}/networks/${s.network}/pilots/${slug}`);
		await addFirm(p, s.firms[0]!, 'pilotgroep', s.firms[0]!.after.id);
		await p.getByText('Opgeslagen.').waitFor();
		const evaluation = p.getByTestId('pilot-evaluation');
		await evaluation.waitFor();
		const text = (await evaluation.textContent()) ?? '';
		expect(text).toMatch(/In de 3 bedrijven van de pilotgroep veranderde de gemiddelde score met [+-]?\d+,\d\d\./);
		expect(text).toMatch(/In de 3 bedrijven van de vergelijkingsgroep veranderde die met [+-]?\d+,\d\d\./);
		expect(text).toMatch(/Met 95% zekerheid ligt het echte verschil tussen [+-]?\d+,\d\d en [+-]?\d+,\d\d\./);
		expect(text).toContain('Opschalen?');
		expect(text).not.toMatch(/significant/i);
		expect(await evaluation.locator('li h3').count()).toBeGreaterThan(1);
		await p.getByText(/^Versie \d+ van /).waitFor();
		await expectAccessible(p);
		await p.screenshot({ path: 'test-results/pilot-evaluation-desktop.png', fullPage: true });
		await p.setViewportSize({ width: 360, height: 900 });
		await p.screenshot({ path: 'test-results/pilot-evaluation-360.png', fullPage: true });

		await p.goto(`${baseUrl}/networks/${s.network}/pilots`);
		await p.getByRole('link', { name }).waitFor();
		await p.getByText('3 in de pilotgroep, 3 in de vergelijkingsgroep').waitFor();
		await expectAccessible(p);
		await p.screenshot({ path: 'test-results/pilot-list-360.png', fullPage: true });
	});

	// Last: on PGlite, looking into the database stops the server.
	it('stored the pilot, its six firms with both rounds and its evaluations', async () => {
		const found = await server.inspect(async (db) => ({
			pilots: await db.select().from(pilot),
			firms: await db.select().from(pilotFirm),
			evaluations: await db.select({ version: pilotEvaluation.version }).from(pilotEvaluation)
		}));
		expect(found.pilots).toHaveLength(1);
		expect(found.pilots[0]!.entrySlug).not.toBeNull();
		expect(found.firms).toHaveLength(2 * k);
		for (const f of s.firms) expect(found.firms.find((row) => row.firmId === f.id)).toMatchObject({ beforeRoundId: f.before.id, afterRoundId: f.after.id });
		// Versions that show nothing are stored as the firms come in (they tell nothing); the last one shows figures.
		expect(found.evaluations.length).toBeGreaterThan(0);
	});
});
