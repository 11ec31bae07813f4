// The firm's and the person's data rights over HTTP: the archive, deleting a firm after typing its name,
// deleting one's own account (and the refusal for a firm's last owner). Answers come in through the survey.
// At the end the database is opened to check that no row of the deleted firm is left in any table.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeCards, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { adviserGrant, dataAgreement, deletionLog, firmMember, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import { rowsOf } from '../../../src/lib/server/db/raw-rows';
import { subjectHash } from '../../../src/lib/server/data-rights/delete-firm';

const password = 'een lang wachtwoord voor de test';

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, password, name);
	const owner = await person('olga@bakkerij.example', 'Olga Eigenaar');
	const manager = await person('cor@bakkerij.example', 'Cor Collega');
	const adviser = await person('ada@advies.example', 'Ada Adviseur');
	const researcher = await person('rik@hogeschool.example', 'Rik Onderzoeker');
	const soleOwner = await person('sam@kapper.example', 'Sam Kapper');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
	const soleFirm = await makeFirm(db, { ownerId: soleOwner.id, name: 'Kapsalon Sam' });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	await db.insert(dataAgreement).values({ firmId: firm.id, userId: researcher.id, recordedBy: owner.id });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', threshold: 5 });
	const cards = await makeRound(db, firm.id, { name: 'Met kaartjes', inviteMode: 'cards' });
	await makeCards(db, cards.id, 3);
	return { owner, manager, adviser, researcher, soleOwner, firm, soleFirm, round, cards };
}

const server = useSeededServer(seed);
const s = server.seeded;

const signIn = (email: string) => server.signIn(email, password);

async function respond(index: number) {
	const session = new HttpSession(server.baseUrl);
	const base = `/s/${s.round.linkToken}`;
	await session.post(`${base}/q/werk`, { werk_1: String((index % 5) + 1), werk_2: '4', go: 'next' });
	await session.post(`${base}/q/background`, { age: '55_plus', go: 'next' });
	await session.post(`${base}/q/open`, { open_strength: `Geheim ${index}`, go: 'next' });
	const summary = await (await session.get(`${base}/summary`)).text();
	const key = summary.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)![1]!;
	expect((await session.post(`${base}/summary`, { submissionKey: key })).status).toBe(303);
}

let owner: HttpSession, manager: HttpSession, adviser: HttpSession, researcher: HttpSession, soleOwner: HttpSession;
const dataPage = () => `/firms/${s.firm.slug}/data`;

beforeAll(async () => {
	owner = await signIn(s.owner.email);
	manager = await signIn(s.manager.email);
	adviser = await signIn(s.adviser.email);
	researcher = await signIn(s.researcher.email);
	soleOwner = await signIn(s.soleOwner.email);
	for (let i = 0; i < 5; i++) await respond(i);
});

describe('the data page and the archive', () => {
	it('are for the owner only', async () => {
		expect((await owner.get(dataPage())).status).toBe(200);
		for (const who of [manager, adviser, researcher, soleOwner]) {
			expect((await who.get(dataPage())).status).toBe(404);
			expect((await who.get(`${dataPage()}/archive`)).status).toBe(404);
			expect((await who.post(`${dataPage()}?/delete`, { confirmName: 'Bakkerij De Korenaar' })).status).toBe(404);
		}
		const anonymous = await new HttpSession(server.baseUrl).get(`${dataPage()}/archive`);
		expect(anonymous.status).toBe(303);
		expect(anonymous.headers.get('location')).toContain('/login');
	});

	it('the archive is one JSON file with the firm, its people and its rounds, without answers per person or survey secrets', async () => {
		const res = await owner.get(`${dataPage()}/archive`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="leerkompas-${s.firm.slug}-\\d{4}-\\d{2}-\\d{2}\\.json"$`));
		const body = await res.text();
		const doc = JSON.parse(body);
		expect(doc.firm.name).toBe('Bakkerij De Korenaar');
		expect(doc.people.members).toHaveLength(2);
		expect(doc.people.advisers[0].email).toBe('ada@advies.example');
		expect(doc.people.dataAgreements[0].email).toBe('rik@hogeschool.example');
		const voorjaar = doc.rounds.find((r: { name: string }) => r.name === 'Voorjaar');
		// Still open: no count of stored responses (it would move with one person), the published version's number.
		expect(voorjaar.responses).toBeNull();
		expect(voorjaar.reportVersions).toMatchObject([{ version: 1, includedResponses: 5 }]);
		expect(doc.storedRows).not.toHaveProperty('scan_response');
		expect(voorjaar.report.respondents.employee).toBe(5);
		expect(voorjaar).not.toHaveProperty('statements');
		expect(body).not.toMatch(/werk_1,werk_2,/);
		expect(doc.rounds.find((r: { name: string }) => r.name === 'Met kaartjes').cards).toEqual({ printed: 3 });
		expect(body).not.toContain(s.round.linkToken);
		expect(body).not.toContain(s.round.shortCode);
		expect(body).not.toContain('Geheim');
		// Nothing respondent-level left the server, so the log of such downloads has no line for it.
		const page = await (await owner.get(dataPage())).text();
		expect(page).not.toContain('in "alles downloaden"');
	});
});

describe('deleting the firm', () => {
	it('refuses a wrong name, saying which name to type, and deletes nothing', async () => {
		const res = await owner.post(`${dataPage()}?/delete`, { confirmName: 'Bakkerij' });
		expect(res.status).toBe(400);
		expect(await res.text()).toContain('De naam klopt niet. Typ precies: Bakkerij De Korenaar');
		expect((await owner.get(`/firms/${s.firm.slug}`)).status).toBe(200);
	});

	it('deletes the firm with all its data after the name is typed; then nobody reaches it', async () => {
		const res = await owner.post(`${dataPage()}?/delete`, { confirmName: 'bakkerij de korenaar' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account?firm-deleted');
		expect(await (await owner.get('/account?firm-deleted')).text()).toContain('Het bedrijf en al zijn gegevens zijn verwijderd.');
		for (const who of [owner, manager, adviser]) expect((await who.get(`/firms/${s.firm.slug}`)).status).toBe(404);
		expect((await researcher.get(`/firms/${s.firm.slug}/rounds/${s.round.id}/export/research.csv`)).status).toBe(404);
		expect((await new HttpSession(server.baseUrl).get(`/s/${s.round.linkToken}`)).status).toBe(404);
	});
});

describe('deleting one’s own account', () => {
	it('refuses the last owner of a firm and says plainly what to do first', async () => {
		const page = await (await soleOwner.get('/account')).text();
		expect(page).toContain('U bent de enige eigenaar van: Kapsalon Sam.');
		const res = await soleOwner.post('/account?/delete', { confirmEmail: 'sam@kapper.example' });
		expect(res.status).toBe(409);
		const text = await res.text();
		expect(text).toContain('Verwijder daarom eerst het bedrijf, of draag het over aan iemand anders.');
		expect((await soleOwner.get('/firms')).status).toBe(200);
	});

	it('refuses a wrong e-mail address, then deletes the account and signs it out', async () => {
		const wrong = await researcher.post('/account?/delete', { confirmEmail: 'iemand@anders.example' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('Dit is niet het e-mailadres van uw account.');
		const res = await researcher.post('/account?/delete', { confirmEmail: 'RIK@hogeschool.example' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/account/deleted');
		expect(await (await researcher.get('/account/deleted')).text()).toContain('Uw account is verwijderd');
		const after = await researcher.get('/account');
		expect(after.status).toBe(303);
		expect(after.headers.get('location')).toContain('/login');
		const again = await new HttpSession(server.baseUrl).post('/login?/password', { email: 'rik@hogeschool.example', password, returnTo: '/firms' });
		expect(again.status).not.toBe(303);
	});

	it('a former owner whose firm is gone can delete their account too', async () => {
		expect(await (await owner.get('/account')).text()).not.toContain('enige eigenaar');
		expect((await owner.post('/account?/delete', { confirmEmail: 'olga@bakkerij.example' })).status).toBe(303);
	});
});

describe('what is left in the database', () => {
	it('no row of the deleted firm in any table with a firm_id or round_id; a log without personal data', async () => {
		const found = await server.inspect(async (db) => {
			const columns = await rowsOf(
				db,
				sql`select table_name, column_name from information_schema.columns
					where table_schema = 'public' and column_name in ('firm_id', 'round_id')`
			);
			const left: Record<string, number> = {};
			for (const { table_name, column_name } of columns) {
				const id = column_name === 'firm_id' ? s.firm.id : s.round.id;
				const others = column_name === 'round_id' ? [s.round.id, s.cards.id] : [id];
				const [row] = await rowsOf(db, sql`select count(*)::int as n from ${sql.identifier(String(table_name))} where ${sql.identifier(String(column_name))} in ${others}`);
				left[`${table_name}.${column_name}`] = Number(row!.n);
			}
			const [firmRow] = await rowsOf(db, sql`select count(*)::int as n from firm where id = ${s.firm.id}`);
			return {
				columns: columns.length,
				left,
				firmRows: Number(firmRow!.n),
				logs: await db.select().from(deletionLog),
				users: await db.select({ email: user.email }).from(user).orderBy(user.email),
				soleFirmMembers: await db.$count(firmMember, eq(firmMember.firmId, s.soleFirm.id))
			};
		});
		expect(found.columns).toBeGreaterThanOrEqual(10);
		expect(found.firmRows).toBe(0);
		expect(Object.entries(found.left).filter(([, n]) => n > 0)).toEqual([]);
		const firmLog = found.logs.find((l) => l.kind === 'firm');
		expect(firmLog?.subjectHash).toBe(subjectHash(s.firm.id));
		expect(firmLog?.rows).toMatchObject({ firm: 1, scan_round: 2, scan_response: 5, round_card: 3, firm_member: 2 });
		expect(found.logs.filter((l) => l.kind === 'account').map((l) => l.subjectHash).sort()).toEqual([subjectHash(s.researcher.id), subjectHash(s.owner.id)].sort());
		const logged = JSON.stringify(found.logs);
		for (const secret of ['Bakkerij', s.firm.slug, s.firm.id, 'olga@', 'rik@']) expect(logged).not.toContain(secret);
		expect(found.users.map((u) => u.email)).toEqual(['ada@advies.example', 'cor@bakkerij.example', 'sam@kapper.example']);
		expect(found.soleFirmMembers).toBe(1);
	});
});
