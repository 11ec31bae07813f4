// Who reaches a network's pilots (issue 14): its coordinators only. A coordinator of another network, the owner
// of a member firm and an outsider get 404 on every pilot page and form of the network (list, new pilot, the
// pilot's page with its evaluation and the "work it out yourself" figures, adding a firm), and a refused post
// changes nothing in the database; someone signed out is sent to log in.
import { describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { forwardedAddressEnv } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { seedPilotNetwork } from '../../helpers/pilot-seed';
import { networkMember, pilot, pilotEvaluation, pilotFirm, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { createPilot } from '../../../src/lib/server/pilot/create-pilot';
import { addPilotFirm } from '../../../src/lib/server/pilot/pilot-firms';

const password = 'koffie en een stroopwafel';
const k = 3;

async function seed(db: Database) {
	const people = {
		coordinatorA: await makeSignInUser(db, 'anna@example.nl', password, 'Anna Coördinator A'),
		coordinatorB: await makeSignInUser(db, 'bram@example.nl', password, 'Bram Coördinator B'),
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		outsider: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	await db.update(user).set({ role: 'coordinator' }).where(inArray(user.id, [people.coordinatorA.id, people.coordinatorB.id]));
	const a = await seedPilotNetwork(db, { firms: 1, coordinatorId: people.coordinatorA.id, name: 'Leernetwerk A' });
	const b = await seedPilotNetwork(db, { firms: 2 * k, coordinatorId: people.coordinatorB.id, name: 'Leernetwerk B' });
	// The owner's firm is a member of network B: membership gives an owner no view of the network's pilots.
	const own = await makeFirm(db, { ownerId: people.owner.id, name: 'Bakkerij Olga' });
	await db.insert(networkMember).values({ networkId: b.network.id, firmId: own.id, basis: 'owner', consentedBy: people.owner.id });
	const made = await createPilot(db, b.network.id, { name: 'Geheime pilot van B', slug: 'geheime-pilot', entry: '' });
	if (!made.ok) throw new Error('pilot not made');
	for (const [i, f] of b.firms.entries()) {
		const added = await addPilotFirm(db, { pilotId: made.pilot.id, networkId: b.network.id }, { firm: f.id, arm: i < k ? 'pilot' : 'comparison', before: f.before.id, after: i === 0 ? null : f.after.id });
		if (!added.ok) throw new Error(`firm not added: ${added.error}`);
	}
	return { people, a: a.network.slug, b: b.network.slug, pilotId: made.pilot.id, firstFirm: b.firms[0]!, ownFirm: own.id, ownSlug: own.slug };
}

const server = useSeededServer(seed, { LEERKOMPAS_THRESHOLD: String(k), ...forwardedAddressEnv });
const s = server.seeded;
const sessions = useRoleSessions(server, password);

async function pilotState() {
	return server.inspect(async (db) => ({
		pilots: await db.select({ slug: pilot.slug, name: pilot.name, entry: pilot.entrySlug }).from(pilot).orderBy(asc(pilot.slug)),
		firms: await db
			.select({ firm: pilotFirm.firmId, arm: pilotFirm.arm, before: pilotFirm.beforeRoundId, after: pilotFirm.afterRoundId })
			.from(pilotFirm)
			.where(eq(pilotFirm.pilotId, s.pilotId))
			.orderBy(asc(pilotFirm.firmId))
	}));
}

const base = () => `/networks/${s.b}/pilots`;
const pages = () => [base(), `${base()}/new`, `${base()}/geheime-pilot`, `${base()}/geheime-pilot?j=6&m=10`];
const posts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `${base()}/new`, fields: { name: 'Ingebroken pilot', slug: 'ingebroken', entry: '' } },
	// The firm's after round: the one change "add" may make to a firm already in the pilot.
	{ path: `${base()}/geheime-pilot?/add`, fields: { firm: s.firstFirm.id, arm: 'pilot', before: s.firstFirm.before.id, after: s.firstFirm.after.id } },
	{ path: `${base()}/geheime-pilot?/add`, fields: { firm: s.ownFirm, arm: 'comparison', before: s.firstFirm.before.id, after: '' } }
];

describe('the coordinator of the network', () => {
	it('opens every pilot page, and the evaluation is on the pilot page', async () => {
		for (const path of pages()) expect((await sessions.coordinatorB!.get(path)).status, path).toBe(200);
		const html = await (await sessions.coordinatorB!.get(`${base()}/geheime-pilot`)).text();
		expect(html).toContain('Geheime pilot van B');
		// The pilot arm has k - 1 firms with both rounds: no version is stored; the page gives the counts and says
		// when a version with figures comes.
		expect(html).toContain('data-testid="pilot-evaluation"');
		expect(html).toContain(`minstens ${k} bedrijven`);
		expect((await sessions.coordinatorB!.get(`${base()}/geen-pilot`)).status).toBe(404);
	});
});

describe.each(['coordinatorA', 'owner', 'outsider'])('the %s', (role) => {
	it('gets 404 on every pilot page and form of the network, and changes nothing', async () => {
		const session = sessions[role]!;
		for (const path of pages()) expect((await session.get(path)).status, path).toBe(404);
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, `POST ${path}`).toBe(404);
	});

	it('finds nothing of the pilot on the pages it can open', async () => {
		const opens = role === 'coordinatorA' ? ['/networks', `/networks/${s.a}`, `/networks/${s.a}/pilots`] : ['/firms', '/knowledge'];
		if (role === 'owner') opens.push(`/firms/${s.ownSlug}`, `/firms/${s.ownSlug}/networks`);
		for (const path of opens) {
			const res = await sessions[role]!.get(path);
			expect(res.status, path).toBe(200);
			expect(await res.text(), path).not.toContain('Geheime pilot van B');
		}
	});
});

describe('the coordinator of another network', () => {
	it('does not reach the pilot through their own network either', async () => {
		const session = sessions.coordinatorA!;
		expect((await session.get(`/networks/${s.a}/pilots`)).status).toBe(200);
		expect((await session.get(`/networks/${s.a}/pilots/geheime-pilot`)).status).toBe(404);
		const res = await session.post(`/networks/${s.a}/pilots/geheime-pilot?/add`, posts()[1]!.fields);
		expect(res.status).toBe(404);
	});
});

describe('someone signed out', () => {
	it('is sent to log in, and changes nothing', async () => {
		const session = sessions.anonymous!;
		for (const path of pages()) {
			const res = await session.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toContain('/login?returnTo=');
		}
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, `POST ${path}`).toBe(303);
	});
});

// Last: on PGlite, looking into the database stops the server.
describe('afterwards, in the database', () => {
	it('holds the pilot as the coordinator left it: one pilot, the first firm still without an after round', async () => {
		const state = await pilotState();
		expect(state.pilots).toEqual([{ slug: 'geheime-pilot', name: 'Geheime pilot van B', entry: null }]);
		expect(state.firms).toHaveLength(2 * k);
		expect(state.firms.find((f) => f.firm === s.firstFirm.id)?.after).toBeNull();
		expect(state.firms.some((f) => f.firm === s.ownFirm)).toBe(false);
		// Opening the page publishes an evaluation only with figures, which k - 1 pilot firms do not give; a
		// refused visitor never published one either.
		const versions = await server.inspect((db) => db.select({ v: pilotEvaluation.version }).from(pilotEvaluation).where(eq(pilotEvaluation.pilotId, s.pilotId)));
		expect(versions).toEqual([]);
	});
});
