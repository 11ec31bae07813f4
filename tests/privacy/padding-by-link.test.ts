// Attack: the owner pads an open-link round with answers they know (four posts from their own signed-in
// browser, or a co-manager's, or an adviser's), waits for one real colleague, and subtracts the four known
// rows from version 1. A post from a browser signed in as someone who runs or advises the firm must never be
// stored as an employee's answer. The server is this file's own, seeded with the firm's people and roles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema } from '../../src/lib/domain/report';
import type { Database } from '../../src/lib/server/db/client';
import { adviserGrant, firmMember } from '../../src/lib/server/db/schema';
import { HttpSession } from '../e2e/support/http-client';
import { startSeededServer, type SeededServer } from '../e2e/support/seeded-server';
import { makeFirm } from '../helpers/factories';
import { makeRound, makeSignInUser } from '../helpers/scan-factories';
import { answerLink, statementAnswers } from './padding-support';

const password = 'een lang en geheim wachtwoord';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'paula@example.nl', password, 'Paula Padding');
	const manager = await makeSignInUser(db, 'mees@example.nl', password, 'Mees Mede');
	const adviser = await makeSignInUser(db, 'ad@example.nl', password, 'Ad Adviseur');
	// A colleague with an account of their own (say a learning ambassador elsewhere) who does not run this firm.
	const colleague = await makeSignInUser(db, 'lea@example.nl', password, 'Lea Collega');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Timmerbedrijf Padding', employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'coach', grantedBy: owner.id });
	const round = await makeRound(db, firm.id, { invited: 12 });
	return { owner, manager, adviser, colleague, firm, round };
}

let server: SeededServer<Awaited<ReturnType<typeof seed>>>;
let s: Awaited<ReturnType<typeof seed>>;

async function signedIn(email: string): Promise<HttpSession> {
	const session = new HttpSession(server.baseUrl);
	const res = await session.post('/login?/password', { email, password, returnTo: '/firms' });
	if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return session;
}

beforeAll(async () => {
	server = await startSeededServer(seed);
	s = server.seeded;
});
afterAll(async () => {
	await server?.close();
});

describe('padding a round through its open link', () => {
	it('refuses the posts of the owner, a co-manager and an adviser and sends them to the owner’s own version', async () => {
		const owner = await signedIn(s.owner.email);
		const padders = [owner, owner, await signedIn(s.manager.email), await signedIn(s.adviser.email)];
		const roundPage = `/firms/${s.firm.slug}/rounds/${s.round.id}`;
		for (const [i, session] of padders.entries()) {
			const res = await answerLink(session, s.round.linkToken, statementAnswers(i));
			expect(res.status).toBe(303);
			const location = res.headers.get('location') ?? '';
			expect(location).not.toContain('/thanks');
			expect(location.startsWith(roundPage)).toBe(true);
		}
		const again = await answerLink(owner, s.round.linkToken, statementAnswers(9));
		expect(again.headers.get('location')).toBe(`${roundPage}/owner-scan?from=survey`);
		const ownVersion = await owner.get(`${roundPage}/owner-scan?from=survey`);
		expect(ownVersion.status).toBe(200);
		expect(await ownVersion.text()).toContain('Uw antwoorden tellen niet mee als antwoorden van medewerkers');
	});

	it('also refuses the screen-by-screen send from the owner’s browser', async () => {
		const owner = await signedIn(s.owner.email);
		const base = `/s/${s.round.linkToken}`;
		const ownVersion = `/firms/${s.firm.slug}/rounds/${s.round.id}/owner-scan?from=survey`;
		for (const [path, fields] of [[`${base}/q/werk`, { werk_1: '5', go: 'summary' }], [`${base}/summary`, {}]] as const) {
			const res = await owner.post(path, fields);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toBe(ownVersion);
		}
	});

	it('still takes the answers of colleagues with or without an account of their own', async () => {
		const thanks = `/s/${s.round.linkToken}/thanks`;
		expect((await answerLink(await signedIn(s.colleague.email), s.round.linkToken, statementAnswers(20))).headers.get('location')).toBe(thanks);
		for (let i = 0; i < 3; i++) {
			expect((await answerLink(new HttpSession(server.baseUrl), s.round.linkToken, statementAnswers(30 + i))).headers.get('location')).toBe(thanks);
		}
	});

	it('publishes nothing about employees from the padded posts: four real answers are still fewer than k', async () => {
		const owner = await signedIn(s.owner.email);
		const report = servedReportSchema.parse(await (await owner.get(`/firms/${s.firm.slug}/rounds/${s.round.id}/report/report.json`)).json());
		expect(report.employeeFigures).toBe(false);
		expect(report.respondents.employee).toBe(0);
	});
});
