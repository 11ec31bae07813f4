// Who reaches a firm's action plan and follow-up session: the owner, co-managers and advisers with the
// firm's consent; nobody else, not an adviser whose consent was withdrawn, not a network coordinator or a
// platform admin (they have no role in the firm), not another firm's owner, and nobody signed out. A firm
// out of reach answers 404, as everywhere; an action of another firm in the URL does too.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { forwardedAddressEnv } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeFirm } from '../../helpers/factories';
import { insertResponses } from '../../helpers/export-fixtures';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { adviserGrant, firmAction, firmActionNote, firmMember, sessionNote, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const instrument = loadInstrument('v1');

async function seed(db: Database) {
	const people = {
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		manager: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Collega'),
		adviser: await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur'),
		formerAdviser: await makeSignInUser(db, 'fred@example.nl', password, 'Fred Oud-adviseur'),
		coordinator: await makeSignInUser(db, 'nina@example.nl', password, 'Nina Netwerk'),
		admin: await makeSignInUser(db, 'bea@example.nl', password, 'Bea Beheer'),
		outsider: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: people.owner.id, employees: 12 });
	const other = await makeFirm(db, { name: 'Garage Bert', ownerId: people.outsider.id, employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: people.manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.adviser.id, kind: 'coach', grantedBy: people.owner.id });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.formerAdviser.id, kind: 'adviser', grantedBy: people.owner.id, revokedAt: new Date() });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', invited: 12 });
	const employees = sampleResponses(instrument, 8, 'employee', { seed: 11, teams: [] });
	await insertResponses(db, round.id, employees, new Date().toISOString().slice(0, 10));
	const early = await makeRound(db, firm.id, { name: 'Nog zonder rapport', invited: 12 });
	const [ours] = await db.insert(firmAction).values({ firmId: firm.id, roundId: round.id, title: 'Leerlunch', createdBy: people.owner.id }).returning();
	const [theirs] = await db.insert(firmAction).values({ firmId: other.id, title: 'Werkplaats opruimen', createdBy: people.outsider.id }).returning();
	await db.insert(firmActionNote).values({ actionId: theirs!.id, text: 'Geheime notitie van Bert', writtenBy: people.outsider.id, writtenOn: '2026-05-01' });
	return { people, firm, other, round, early, ours: ours!, theirs: theirs! };
}

const server = useSeededServer(seed, forwardedAddressEnv);
const s = server.seeded;
const sessions = useRoleSessions(server, password);

const firmPath = () => `/firms/${s.firm.slug}`;
const pages = () => [
	`${firmPath()}/actions`,
	`${firmPath()}/actions/new`,
	`${firmPath()}/actions/${s.ours.id}`,
	`${firmPath()}/rounds/${s.round.id}/session`,
	`${firmPath()}/rounds/${s.round.id}/session/goed`,
	`${firmPath()}/rounds/${s.round.id}/session/acties`,
	`${firmPath()}/rounds/${s.round.id}/session/handout.pdf`
];
const posts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `${firmPath()}/actions/new`, fields: { title: 'Ingebroken actie' } },
	{ path: `${firmPath()}/actions/${s.ours.id}?/save`, fields: { title: 'Overgenomen', status: 'gestopt' } },
	{ path: `${firmPath()}/actions/${s.ours.id}?/note`, fields: { text: 'Ingebroken notitie' } },
	{ path: `${firmPath()}/rounds/${s.round.id}/session/werk?/note`, fields: { text: 'Ingebroken sessienotitie' } },
	{ path: `${firmPath()}/rounds/${s.round.id}/session/acties?/agree`, fields: { title: 'Ingebroken sessieactie' } }
];

describe('people of the firm', () => {
	it.each(['owner', 'manager', 'adviser'])('the %s opens the plan, an action and every step of the session', async (role) => {
		for (const path of pages()) expect((await sessions[role]!.get(path)).status, path).toBe(200);
	});

	it('find no session for a round without a published report, nor the small-firm conversation for this firm', async () => {
		const owner = sessions.owner!;
		expect((await owner.get(`${firmPath()}/rounds/${s.early.id}/session`)).status).toBe(404);
		expect((await owner.get(`${firmPath()}/rounds/${s.early.id}/session/goed`)).status).toBe(404);
		expect((await owner.get(`${firmPath()}/session`)).status).toBe(404);
	});

	it('the adviser with consent notes and agrees, as the owner does', async () => {
		const adviser = sessions.adviser!;
		expect((await adviser.post(`${firmPath()}/rounds/${s.round.id}/session/samen?/note`, { text: 'Meer samen leren' })).status).toBe(303);
		expect((await adviser.post(`${firmPath()}/actions/${s.ours.id}?/note`, { text: 'Besproken met Olga' })).status).toBe(303);
		expect((await adviser.post(`${firmPath()}/rounds/${s.round.id}/session/acties?/agree`, { title: 'Kennis delen in het werkoverleg' })).status).toBe(303);
	});
});

describe('nobody else', () => {
	it.each(['formerAdviser', 'coordinator', 'admin', 'outsider'])('the %s gets 404 on every page and form, and changes nothing', async (role) => {
		const session = sessions[role]!;
		for (const path of pages()) expect((await session.get(path)).status, path).toBe(404);
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, path).toBe(404);
	});

	it('someone signed out is sent to sign in, and changes nothing', async () => {
		const session = sessions.anonymous!;
		for (const path of pages()) {
			const res = await session.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toContain('/login?returnTo=');
		}
		for (const { path, fields } of posts()) expect((await session.post(path, fields)).status, path).toBe(303);
	});

	it('the owner gets 404 for an action of another firm in the URL of their own firm', async () => {
		const owner = sessions.owner!;
		const html = await (await owner.get(`${firmPath()}/actions/${s.theirs.id}`)).text();
		expect(html).not.toContain('Werkplaats opruimen');
		expect((await owner.get(`${firmPath()}/actions/${s.theirs.id}`)).status).toBe(404);
		expect((await owner.post(`${firmPath()}/actions/${s.theirs.id}?/save`, { title: 'Overgenomen' })).status).toBe(404);
		expect((await owner.post(`${firmPath()}/actions/${s.theirs.id}?/note`, { text: 'Hallo' })).status).toBe(404);
		expect((await owner.get(`${firmPath()}/actions/niet-een-id`)).status).toBe(404);
		expect((await owner.get(`/firms/${s.other.slug}/actions`)).status).toBe(404);
		expect(await (await owner.get(`${firmPath()}/actions`)).text()).not.toContain('Werkplaats opruimen');
	});
});

describe('afterwards, in the database', () => {
	it('holds only what the firm’s people wrote', async () => {
		const found = await server.inspect(async (db) => ({
			actions: await db.select({ title: firmAction.title, status: firmAction.status }).from(firmAction),
			notes: await db.select({ text: firmActionNote.text }).from(firmActionNote),
			sessionNotes: await db.select({ text: sessionNote.text }).from(sessionNote)
		}));
		expect(found.actions.map((a) => a.title).sort()).toEqual(['Kennis delen in het werkoverleg', 'Leerlunch', 'Werkplaats opruimen']);
		expect(found.actions.every((a) => a.status === 'niet-gestart')).toBe(true);
		expect(found.notes.map((n) => n.text).sort()).toEqual(['Besproken met Olga', 'Geheime notitie van Bert']);
		expect(found.sessionNotes.map((n) => n.text)).toEqual(['Meer samen leren']);
	});
});
