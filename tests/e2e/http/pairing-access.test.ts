// Who reaches a firm's master-and-apprentice pages: the owner and co-managers; nobody else (not an adviser, not a
// network coordinator or platform admin, not another firm's owner, nobody signed out), 404 as everywhere. Another
// firm's owner cannot reach this firm's colleagues or pairs through their own firm's pages either, and a pair
// link that was changed leads nowhere.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { forwardedAddressEnv } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { adviserGrant, firmMember, instanceSetting, pairingLabel, pairingLink, pairingPair, pairingPerson, user } from '../../../src/lib/server/db/schema';
import { PAIR_LINK_SECRET_NAME, pairToken } from '../../../src/lib/server/pairing/pair-token';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const SECRET = 'a-known-secret-for-this-test-only-0123456789';

async function seed(db: Database) {
	const people = {
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		manager: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Collega'),
		adviser: await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur'),
		coordinator: await makeSignInUser(db, 'nina@example.nl', password, 'Nina Netwerk'),
		admin: await makeSignInUser(db, 'bea@example.nl', password, 'Bea Beheer'),
		outsider: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	await db.insert(instanceSetting).values({ key: PAIR_LINK_SECRET_NAME, value: SECRET });
	const firm = await makeFirm(db, { name: 'Smederij Olga', ownerId: people.owner.id });
	const other = await makeFirm(db, { name: 'Garage Bert', ownerId: people.outsider.id });
	await db.insert(firmMember).values({ firmId: firm.id, userId: people.manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.adviser.id, kind: 'coach', grantedBy: people.owner.id });
	const [jan] = await db.insert(pairingPerson).values({ firmId: firm.id, name: 'Jan Smit', email: 'jan@example.nl' }).returning();
	const [kees] = await db.insert(pairingPerson).values({ firmId: firm.id, name: 'Kees Veen', email: 'kees@example.nl' }).returning();
	await db.insert(pairingLabel).values([
		{ firmId: firm.id, personId: jan!.id, kind: 'teach', label: 'lassen', recordedOn: '2026-01-01' },
		{ firmId: firm.id, personId: kees!.id, kind: 'learn', label: 'lassen', recordedOn: '2026-01-01' }
	]);
	const [pair] = await db.insert(pairingPair).values({ firmId: firm.id, masterId: jan!.id, apprenticeId: kees!.id, covers: ['lassen'], status: 'active', masterAnswer: 'agreed', apprenticeAnswer: 'agreed', proposedOn: '2026-01-02', startedOn: '2026-01-03' }).returning();
	await db.insert(pairingLink).values({ firmId: firm.id, token: 'join-token-of-smederij-olga' });
	return { people, firm, other, jan: jan!, kees: kees!, pair: pair! };
}

const server = useSeededServer(seed, forwardedAddressEnv);
const s = server.seeded;
const sessions = useRoleSessions(server, password);

const base = () => `/firms/${s.firm.slug}/pairing`;
const pages = () => [base(), `${base()}/proposals`, `${base()}/people/${s.jan.id}`, `${base()}/pairs/${s.pair.id}`];
const posts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `${base()}?/add`, fields: { name: 'Inbreker', email: 'in@example.nl', teaches: 'x', learns: '' } },
	{ path: `${base()}?/remove`, fields: { personId: s.jan.id } },
	{ path: `${base()}?/renewLink`, fields: {} },
	{ path: `${base()}?/stopLink`, fields: {} },
	{ path: `${base()}/people/${s.jan.id}`, fields: { name: 'Overgenomen', email: 'x@example.nl', teaches: 'x', learns: '' } },
	{ path: `${base()}/proposals`, fields: { pair: `${s.jan.id}:${s.kees.id}` } },
	{ path: `${base()}/pairs/${s.pair.id}?/log`, fields: { day: '2026-02-01', what: 'Ingebroken', note: '' } },
	{ path: `${base()}/pairs/${s.pair.id}?/end`, fields: {} }
];

describe('the owner and co-managers', () => {
	it.each(['owner', 'manager'])('the %s opens every page', async (role) => {
		for (const path of pages()) expect((await sessions[role]!.get(path)).status, path).toBe(200);
	});
});

describe('nobody else', () => {
	it.each(['adviser', 'coordinator', 'admin', 'outsider', 'anonymous'])('the %s gets 404 (or the sign-in page) and changes nothing', async (role) => {
		const session = sessions[role]!;
		const refused = role === 'anonymous' ? 303 : 404;
		for (const path of pages()) expect((await session.get(path)).status, path).toBe(refused);
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, path).toBe(refused);
		const page = await (await sessions.owner!.get(base())).text();
		expect(page).toContain('Jan Smit');
		expect(page).not.toContain('Inbreker');
		expect(page).toContain('gekoppeld');
	});

	it("another firm's owner finds none of this firm's colleagues or pairs through the pages of their own firm", async () => {
		const bert = sessions.outsider!;
		const theirs = `/firms/${s.other.slug}/pairing`;
		expect((await bert.get(theirs)).status).toBe(200);
		expect((await bert.get(`${theirs}/people/${s.jan.id}`)).status).toBe(404);
		expect((await bert.get(`${theirs}/pairs/${s.pair.id}`)).status).toBe(404);
		expect((await bert.post(`${theirs}/pairs/${s.pair.id}?/end`, {})).status).toBe(404);
		expect((await bert.post(`${theirs}/pairs/${s.pair.id}?/log`, { day: '2026-02-01', what: 'Ingebroken', note: '' })).status).toBe(404);
		expect((await bert.post(`${theirs}/people/${s.jan.id}`, { name: 'Overgenomen', email: 'x@example.nl', teaches: 'x', learns: '' })).status).toBe(404);
		expect((await bert.post(`${theirs}?/remove`, { personId: s.jan.id })).status).toBe(404);
		// Asking a pair of this firm's people from another firm asks nobody.
		expect((await bert.post(`${theirs}/proposals`, { pair: `${s.jan.id}:${s.kees.id}` })).status).toBe(409);
		expect(await (await bert.get(theirs)).text()).not.toContain('Jan Smit');
		const page = await (await sessions.owner!.get(`${base()}/pairs/${s.pair.id}`)).text();
		expect(page).toContain('gekoppeld');
		expect(page).not.toContain('Ingebroken');
	});
});

describe('the links without an account', () => {
	it('a genuine pair link opens; a changed one, or one for another pair, gives 404', async () => {
		const anonymous = sessions.anonymous!;
		const good = pairToken(SECRET, s.pair.id, 'apprentice');
		expect((await anonymous.get(`/pairing/pair/${good}`)).status).toBe(200);
		expect((await anonymous.get(`/pairing/pair/${good.replace('.a.', '.m.')}`)).status).toBe(404);
		expect((await anonymous.get(`/pairing/pair/${pairToken('another-secret', s.pair.id, 'master')}`)).status).toBe(404);
		expect((await anonymous.get(`/pairing/pair/${pairToken(SECRET, '00000000-0000-4000-8000-000000000000', 'master')}`)).status).toBe(404);
		expect((await anonymous.post(`/pairing/pair/${good.slice(0, -2)}?/log`, { day: '2026-02-01', what: 'Ingebroken', note: '' })).status).toBe(404);
	});

	it('the sign-up link works only with its token', async () => {
		const anonymous = sessions.anonymous!;
		expect((await anonymous.get('/pairing/join/join-token-of-smederij-olga')).status).toBe(200);
		expect((await anonymous.get('/pairing/join/join-token-of-smederij-olgb')).status).toBe(404);
		expect((await anonymous.post('/pairing/join/join-token-of-smederij-olgb', { name: 'X', email: 'x@example.nl', teaches: 'x', learns: '' })).status).toBe(404);
	});
});
