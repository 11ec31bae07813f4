// The admin page for networks (issue 14): only an admin creates a network and names or removes its
// coordinators by the e-mail address of an existing account. A coordinator, an ordinary account and someone
// signed out do not reach the page or its forms (404, or log in), and a refused post changes nothing; a form
// with wrong input answers with a plain message, never a 500.
import { describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { forwardedAddressEnv, signInFromOwnAddress } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeSignInUser } from '../../helpers/scan-factories';
import { network, networkCoordinator, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { addCoordinator, createNetwork } from '../../../src/lib/server/network/manage-network';

const password = 'koffie en een stroopwafel';

async function seed(db: Database) {
	const people = {
		admin: await makeSignInUser(db, 'ada@example.nl', password, 'Ada Beheerder'),
		coordinator: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Coördinator'),
		user: await makeSignInUser(db, 'uma@example.nl', password, 'Uma Gebruiker'),
		future: await makeSignInUser(db, 'fenna@example.nl', password, 'Fenna Toekomst')
	};
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const made = await createNetwork(db, { name: 'Leernetwerk Oost', slug: 'leernetwerk-oost', kind: 'regional' });
	if (!made.ok) throw new Error('network not made');
	const added = await addCoordinator(db, { networkSlug: 'leernetwerk-oost', email: people.coordinator.email });
	if (!added.ok) throw new Error('coordinator not added');
	return { people };
}

const server = useSeededServer(seed, forwardedAddressEnv);
const s = server.seeded;
const sessions = useRoleSessions(server, password, ['admin', 'coordinator', 'user']);
const signIn = (email: string) => signInFromOwnAddress(server.baseUrl, email, password);

const page = '/admin/networks';
const posts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `${page}?/create`, fields: { name: 'Ingebroken netwerk', slug: 'ingebroken', kind: 'regional' } },
	{ path: `${page}?/addCoordinator`, fields: { network: 'leernetwerk-oost', email: s.people.user.email } },
	{ path: `${page}?/removeCoordinator`, fields: { network: 'leernetwerk-oost', email: s.people.coordinator.email } }
];

describe.each(['coordinator', 'user'])('the %s', (role) => {
	it('gets 404 on the page and every form, and changes nothing', async () => {
		const session = sessions[role]!;
		expect((await session.get(page)).status).toBe(404);
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, `POST ${path}`).toBe(404);
	});
});

describe('someone signed out', () => {
	it('is sent to log in, and changes nothing', async () => {
		const res = await sessions.anonymous!.get(page);
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/login?returnTo=');
		for (const { path, fields } of posts()) expect((await sessions.anonymous!.post(path, fields)).status, `POST ${path}`).toBe(303);
	});
});

describe('the admin', () => {
	const text = async (res: Response) => (await res.text()).replace(/&#39;|&#x27;/g, "'");

	it('sees the networks with their coordinators, reached from the admin page', async () => {
		expect(await (await sessions.admin!.get('/admin')).text()).toContain('href="/admin/networks"');
		const res = await sessions.admin!.get(page);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Leernetwerk Oost');
		expect(html).toContain('cor@example.nl');
	});

	it('gets a plain message per field for wrong input, and for a short name already taken', async () => {
		const wrong = await sessions.admin!.post(`${page}?/create`, { name: 'X', slug: 'Met Spaties!', kind: 'sterrenstelsel' });
		expect(wrong.status).toBe(400);
		const html = await text(wrong);
		expect(html).toContain('Geef een naam van 2 tot 120 tekens.');
		expect(html).toContain('Gebruik 3 tot 50 kleine letters, cijfers en streepjes');
		expect(html).toContain('Kies een soort netwerk uit de lijst.');
		const taken = await sessions.admin!.post(`${page}?/create`, { name: 'Nog een Oost', slug: 'leernetwerk-oost', kind: 'regional' });
		expect(taken.status).toBe(400);
		expect(await text(taken)).toContain('Er is al een netwerk met deze korte naam.');
	});

	it('creates a network and names a coordinator by the address of an existing account', async () => {
		const created = await sessions.admin!.post(`${page}?/create`, { name: 'Sectorfonds Techniek', slug: 'sectorfonds-techniek', kind: 'sector-fund' });
		expect(created.status).toBe(200);
		expect(await text(created)).toContain('Het netwerk Sectorfonds Techniek is aangemaakt.');

		const unknown = await sessions.admin!.post(`${page}?/addCoordinator`, { network: 'sectorfonds-techniek', email: 'niemand@example.nl' });
		expect(unknown.status).toBe(400);
		expect(await text(unknown)).toContain('Er is geen account met dit e-mailadres.');
		const notAnAddress = await sessions.admin!.post(`${page}?/addCoordinator`, { network: 'sectorfonds-techniek', email: 'geen adres' });
		expect(notAnAddress.status).toBe(400);
		expect(await text(notAnAddress)).toContain('Geef een geldig e-mailadres');
		const noNetwork = await sessions.admin!.post(`${page}?/addCoordinator`, { network: 'bestaat-niet', email: s.people.future.email });
		expect(noNetwork.status).toBe(404);

		// Upper case and spaces around the address are the same account.
		const added = await sessions.admin!.post(`${page}?/addCoordinator`, { network: 'sectorfonds-techniek', email: ' Fenna@Example.nl ' });
		expect(added.status).toBe(200);
		expect(await text(added)).toContain('Fenna Toekomst coördineert nu Sectorfonds Techniek.');
		// The new coordinator reaches the network's pages.
		const fenna = await signIn(s.people.future.email);
		expect((await fenna.get('/networks/sectorfonds-techniek')).status).toBe(200);
	});

	it('removes a coordinator, who then no longer reaches the network', async () => {
		const removed = await sessions.admin!.post(`${page}?/removeCoordinator`, { network: 'leernetwerk-oost', email: s.people.coordinator.email });
		expect(removed.status).toBe(200);
		expect(await text(removed)).toContain('Cor Coördinator coördineert Leernetwerk Oost niet meer.');
		expect((await sessions.coordinator!.get('/networks/leernetwerk-oost')).status).toBe(404);
	});
});

// Last: on PGlite, looking into the database stops the server.
describe('afterwards, in the database', () => {
	it('holds exactly what the admin did', async () => {
		const state = await server.inspect(async (db) => ({
			networks: await db.select({ slug: network.slug, kind: network.kind }).from(network).orderBy(asc(network.slug)),
			coordinators: await db
				.select({ slug: network.slug, email: user.email, role: user.role })
				.from(networkCoordinator)
				.innerJoin(network, eq(network.id, networkCoordinator.networkId))
				.innerJoin(user, eq(user.id, networkCoordinator.userId))
				.orderBy(asc(network.slug)),
			roles: await db
				.select({ email: user.email, role: user.role })
				.from(user)
				.where(inArray(user.email, [s.people.coordinator.email, s.people.user.email]))
				.orderBy(asc(user.email))
		}));
		expect(state.networks).toEqual([
			{ slug: 'leernetwerk-oost', kind: 'regional' },
			{ slug: 'sectorfonds-techniek', kind: 'sector-fund' }
		]);
		expect(state.coordinators).toEqual([{ slug: 'sectorfonds-techniek', email: s.people.future.email, role: 'coordinator' }]);
		// Cor coordinates nothing any more: an ordinary account again; Uma was never made coordinator.
		expect(state.roles).toEqual([
			{ email: s.people.coordinator.email, role: 'user' },
			{ email: s.people.user.email, role: 'user' }
		]);
	});
});
