// The firm's settings page over HTTP, for every role: owners and co-managers change the profile and the
// worry; advisers (with or without consent), coordinators, admins and outsiders get 404 for the page and the
// form, anonymous visitors are sent to sign in; nothing of the firm changes through them. The worry reaches
// the report's recommendations (JSON). People and grants are in the database before the server starts.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { adviserGrant, firm, firmMember, user } from '../../../src/lib/server/db/schema';
import { servedReportSchema } from '../../../src/lib/domain/report';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'een lang wachtwoord voor de test';

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, password, name);
	const owner = await person('olga@bouw.example', 'Olga Eigenaar');
	const manager = await person('cor@bouw.example', 'Cor Collega');
	const adviser = await person('ada@advies.example', 'Ada Adviseur');
	const formerAdviser = await person('fred@advies.example', 'Fred Vroeger');
	const coordinator = await person('nina@netwerk.example', 'Nina Netwerk');
	const admin = await person('bea@beheer.example', 'Bea Beheer');
	const outsider = await person('bert@garage.example', 'Bert Garage');
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, admin.id));
	const theFirm = await makeFirm(db, { ownerId: owner.id, name: 'Bouwbedrijf Olga' });
	const otherFirm = await makeFirm(db, { ownerId: outsider.id, name: 'Garage Bert' });
	await db.insert(firmMember).values({ firmId: theFirm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: theFirm.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
	await db.insert(adviserGrant).values({ firmId: theFirm.id, adviserId: formerAdviser.id, kind: 'adviser', grantedBy: owner.id, revokedAt: new Date() });
	const round = await makeRound(db, theFirm.id, { name: 'Voorjaar' });
	return { owner, manager, adviser, formerAdviser, coordinator, admin, outsider, firm: theFirm, otherFirm, round };
}

const server = useSeededServer(seed);
const s = server.seeded;
const sessions: Record<string, HttpSession> = {};

const signIn = (email: string) => server.signIn(email, password);

const settings = () => `/firms/${s.firm.slug}/settings`;
const profile = { name: 'Bouwbedrijf Olga', employees: '8', sector: 'bouw', province: 'gelderland', worry: 'inwerken' };

beforeAll(async () => {
	for (const name of ['owner', 'manager', 'adviser', 'formerAdviser', 'coordinator', 'admin', 'outsider'] as const) sessions[name] = await signIn(s[name].email);
});

describe('the settings page', () => {
	it('shows the owner the profile and the worry question, and is linked from the firm page', async () => {
		const page = await (await sessions.owner!.get(settings())).text();
		expect(page).toContain('Wat houdt u het meest bezig?');
		expect(page).toContain('value="Bouwbedrijf Olga"');
		expect(await (await sessions.owner!.get(`/firms/${s.firm.slug}`)).text()).toContain(`href="/firms/${s.firm.slug}/settings"`);
		// An adviser sees the firm page, but no link to a page they may not open.
		expect(await (await sessions.adviser!.get(`/firms/${s.firm.slug}`)).text()).not.toContain('/settings"');
	});

	it('refuses bad input with a plain message per field and keeps what was typed', async () => {
		const res = await sessions.owner!.post(settings(), { ...profile, name: 'Nieuwe naam', employees: 'twaalf', worry: 'geld' });
		expect(res.status).toBe(400);
		const page = await res.text();
		expect(page).toContain('Kies een van de antwoorden bij deze vraag.');
		expect(page).toContain('value="twaalf"');
		expect(page).toContain('value="Nieuwe naam"');
		expect(page).not.toMatch(/at \w+ \(|stack/i);
	});

	it('lets a co-manager save the profile and the worry', async () => {
		const res = await sessions.manager!.post(settings(), profile);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('De bedrijfsgegevens zijn opgeslagen.');
		expect(await (await sessions.owner!.get(`/firms/${s.firm.slug}`)).text()).toContain('Nieuwe mensen goed inwerken');
	});

	it('puts the worry in the report\u2019s recommendations, with a reason that names it', async () => {
		const res = await sessions.owner!.get(`/firms/${s.firm.slug}/rounds/${s.round.id}/report/report.json`);
		expect(res.status).toBe(200);
		const report = servedReportSchema.parse(await res.json());
		const forWorry = report.recommendations.find((r) => r.worries.includes('inwerken'));
		expect(forWorry?.reason).toContain('u zich zorgen maakt over het inwerken van nieuwe mensen');
		// The tip's link on the report leads to its knowledge-base page.
		expect((await sessions.owner!.get(`/knowledge/${forWorry?.entry ?? ''}`)).status).toBe(200);
		// No employee answered: nothing in a reason is about employees.
		for (const r of report.recommendations) expect(r.reason).not.toContain('uw medewerkers');
	});
});

describe('everybody else', () => {
	it('gets 404 for the page and the form: advisers with and without consent, a coordinator, an admin, another firm\u2019s owner', async () => {
		for (const name of ['adviser', 'formerAdviser', 'coordinator', 'admin', 'outsider'] as const) {
			expect((await sessions[name]!.get(settings())).status, name).toBe(404);
			expect((await sessions[name]!.post(settings(), { ...profile, name: `Van ${name}`, worry: 'vergrijzing' })).status, name).toBe(404);
		}
		// The other firm's owner cannot reach this firm through their own firm either.
		expect((await sessions.outsider!.get(`/firms/${s.otherFirm.slug}/settings`)).status).toBe(200);
	});

	it('sends someone not signed in to sign in, for the page and the form', async () => {
		const anonymous = new HttpSession(server.baseUrl);
		const page = await anonymous.get(settings());
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toContain('/login?returnTo=');
		expect((await anonymous.post(settings(), { ...profile, name: 'Anoniem' })).status).toBe(303);
	});

	it('changed nothing of the firm: only the co-manager\u2019s save is stored', async () => {
		const [row] = await server.inspect((db) => db.select().from(firm).where(eq(firm.id, s.firm.id)));
		expect(row).toMatchObject({ name: 'Bouwbedrijf Olga', employees: 8, sizeClass: '1-9', sector: 'bouw', province: 'gelderland', worry: 'inwerken' });
	});
});
