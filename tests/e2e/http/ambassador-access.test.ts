// What a learning ambassador reaches, route by route: a colleague (not a manager) who joins the action plan
// and leads the follow-up session. Without the owner's report switch the session has no figures and the
// report answers 404; with it the report opens. Rounds, exports, the SLIM draft, settings, the team, the
// import and the firm's data stay out of reach either way. Only the owner works the switch; another firm's
// owner and a co-manager cannot, and another firm's owner does not even see the team page.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { forwardedAddressEnv } from '../support/http-client';
import { answerLink, statementAnswers } from '../../privacy/padding-support';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeFirm } from '../../helpers/factories';
import { insertResponses } from '../../helpers/export-fixtures';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { adviserGrant, ambassadorReportConsent, firmAction, firmMember } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const password = 'koffie en een stroopwafel';
const instrument = loadInstrument('v1');

async function seed(db: Database) {
	const people = {
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		manager: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Collega'),
		without: await makeSignInUser(db, 'anna@example.nl', password, 'Anna Ambassadeur'),
		with: await makeSignInUser(db, 'wim@example.nl', password, 'Wim Ambassadeur'),
		otherOwner: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: people.owner.id, employees: 12 });
	const other = await makeFirm(db, { name: 'Garage Bert', ownerId: people.otherOwner.id, employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: people.manager.id, role: 'manager' });
	const [withoutGrant] = await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.without.id, kind: 'ambassador', grantedBy: people.owner.id }).returning();
	const [withGrant] = await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.with.id, kind: 'ambassador', grantedBy: people.owner.id }).returning();
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', invited: 12 });
	const employees = sampleResponses(instrument, 8, 'employee', { seed: 11, teams: [] });
	await insertResponses(db, round.id, employees, new Date().toISOString().slice(0, 10));
	const [action] = await db.insert(firmAction).values({ firmId: firm.id, roundId: round.id, title: 'Leerlunch', createdBy: people.owner.id }).returning();
	return { people, firm, other, round, action: action!, withoutGrant: withoutGrant!, withGrant: withGrant! };
}

const server = useSeededServer(seed, forwardedAddressEnv);
const s = server.seeded;
const sessions = useRoleSessions(server, password);

beforeAll(async () => {
	// The owner switches the report on for Wim through the team page, as in the app.
	const res = await sessions.owner!.post(`/firms/${s.firm.slug}/team?/ambassadorReport`, { grantId: s.withGrant.id, shared: 'on' });
	if (res.status !== 200) throw new Error(`switch failed: ${res.status}`);
});

const firmPath = () => `/firms/${s.firm.slug}`;
const roundPath = () => `${firmPath()}/rounds/${s.round.id}`;
const together = () => [
	firmPath(),
	`${firmPath()}/actions`,
	`${firmPath()}/actions/new`,
	`${firmPath()}/actions/${s.action.id}`,
	`${roundPath()}/session`,
	`${roundPath()}/session/goed`,
	`${roundPath()}/session/werk`,
	`${roundPath()}/session/acties`,
	`${roundPath()}/session/handout.pdf`
];
const report = () => [`${roundPath()}/report`, `${roundPath()}/report/report.json`, `${roundPath()}/report/report.pdf`];
const neverPages = () => [
	roundPath(),
	`${roundPath()}/export`,
	`${roundPath()}/export/report.csv`,
	`${roundPath()}/export/report.json`,
	`${roundPath()}/cards.pdf`,
	`${roundPath()}/poster.pdf`,
	`${roundPath()}/close`,
	`${roundPath()}/owner-scan`,
	`${roundPath()}/slim`,
	`${roundPath()}/slim/slim.md`,
	`${roundPath()}/slim/slim.pdf`,
	`${firmPath()}/rounds/new`,
	`${firmPath()}/rounds/import`,
	`${firmPath()}/settings`,
	`${firmPath()}/team`,
	`${firmPath()}/data`,
	`${firmPath()}/data/archive`,
	`${firmPath()}/reminders`,
	`${firmPath()}/stories`
];
const neverPosts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `${firmPath()}/team?/ambassadorReport`, fields: { grantId: s.withoutGrant.id, shared: 'on' } },
	{ path: `${firmPath()}/team?/invite`, fields: { email: 'vriend@example.nl', role: 'ambassador' } },
	{ path: `${firmPath()}/rounds/new`, fields: { name: 'Eigen ronde' } },
	{ path: `${firmPath()}/settings`, fields: { name: 'Overgenomen' } },
	{ path: `${roundPath()}?/pause`, fields: {} }
];

describe.each([
	['without', 'without the report switch'],
	['with', 'with the report switch']
])('a learning ambassador %s', (who) => {
	it('opens the firm page, the action plan and every step of the session', async () => {
		for (const path of together()) expect((await sessions[who]!.get(path)).status, path).toBe(200);
	});

	it('agrees an action and takes a note in the session', async () => {
		expect((await sessions[who]!.post(`${roundPath()}/session/werk?/note`, { text: `Notitie van ${who}` })).status).toBe(303);
		expect((await sessions[who]!.post(`${roundPath()}/session/acties?/agree`, { title: `Actie van ${who}` })).status).toBe(303);
	});

	it('gets 404 on rounds, exports, SLIM, settings, team, import, data and reminders, and changes nothing there', async () => {
		for (const path of neverPages()) expect((await sessions[who]!.get(path)).status, path).toBe(404);
		for (const { path, fields } of neverPosts()) expect((await sessions[who]!.post(path, fields)).status, path).toBe(404);
	});
});

describe('answering the survey', () => {
	it('counts an ambassador without the report as an employee', async () => {
		const res = await answerLink(sessions.without!, s.round.linkToken, statementAnswers(1));
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toContain('/thanks');
	});

	it('sends an ambassador with the report to the firm page, told why the answers do not count', async () => {
		const res = await answerLink(sessions.with!, s.round.linkToken, statementAnswers(2));
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe(`${firmPath()}?from=survey`);
		const page = await (await sessions.with!.get(`${firmPath()}?from=survey`)).text();
		expect(page).toContain('Uw antwoorden tellen niet mee als antwoorden van medewerkers: u mag het rapport van dit bedrijf zien');
	});
});

describe('the report switch', () => {
	it('keeps the report and every figure from an ambassador without it', async () => {
		const anna = sessions.without!;
		for (const path of report()) expect((await anna.get(path)).status, path).toBe(404);
		const step = await (await anna.get(`${roundPath()}/session/werk`)).text();
		expect(step).not.toContain('data-testid="score"');
		const firmPage = await (await anna.get(firmPath())).text();
		expect(firmPage).toContain('data-testid="ambassador-session"');
		expect(firmPage).not.toContain('data-testid="ambassador-report"');
	});

	it('opens the report, with its figures in the session, to an ambassador with it', async () => {
		const wim = sessions.with!;
		for (const path of report()) expect((await wim.get(path)).status, path).toBe(200);
		expect(await (await wim.get(`${roundPath()}/session/werk`)).text()).toContain('data-testid="score"');
	});

	it('is shown to the owner and co-manager, and worked by the owner only', async () => {
		const page = await (await sessions.manager!.get(`${firmPath()}/team`)).text();
		expect(page).toContain(`data-testid="ambassador-report-${s.withoutGrant.id}"`);
		expect(page).not.toContain('action="?/ambassadorReport"');
		expect((await sessions.manager!.post(`${firmPath()}/team?/ambassadorReport`, { grantId: s.withoutGrant.id, shared: 'on' })).status).toBe(404);
		expect(await (await sessions.owner!.get(`${firmPath()}/team`)).text()).toContain('action="?/ambassadorReport"');
	});

	it('is out of reach for another firm’s owner: no team page, no switch, also not through their own firm', async () => {
		const bert = sessions.otherOwner!;
		expect((await bert.get(`${firmPath()}/team`)).status).toBe(404);
		expect((await bert.post(`${firmPath()}/team?/ambassadorReport`, { grantId: s.withoutGrant.id, shared: 'on' })).status).toBe(404);
		expect((await bert.post(`/firms/${s.other.slug}/team?/ambassadorReport`, { grantId: s.withoutGrant.id, shared: 'on' })).status).toBe(404);
		expect(await (await bert.get(`/firms/${s.other.slug}/team`)).text()).not.toContain('Anna Ambassadeur');
	});

	it('logged one change, the owner’s, and Anna’s switch is still off', async () => {
		const found = await server.inspect(async (db) => ({
			log: await db.select({ grantId: ambassadorReportConsent.grantId, shared: ambassadorReportConsent.shared, changedBy: ambassadorReportConsent.changedBy }).from(ambassadorReportConsent),
			anna: await db.select({ shared: adviserGrant.reportShared }).from(adviserGrant).where(eq(adviserGrant.id, s.withoutGrant.id))
		}));
		expect(found.log).toEqual([{ grantId: s.withGrant.id, shared: true, changedBy: s.people.owner.id }]);
		expect(found.anna).toEqual([{ shared: false }]);
	});
});
