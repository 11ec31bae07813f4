// Attack: the owner (or a co-manager) downloads the answers per person and links a row to a colleague by
// its profile, or subtracts known rows. Answers per person go only to a researcher with a data agreement:
// no page, endpoint or file URL gives the firm's own people respondent rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../e2e/support/http-client';
import { startSeededServer, type SeededServer } from '../e2e/support/seeded-server';
import { makeFirm } from '../helpers/factories';
import { makeRound, makeSignInUser } from '../helpers/scan-factories';
import { adviserGrant, dataAgreement, firmMember } from '../../src/lib/server/db/schema';
import type { Database } from '../../src/lib/server/db/client';
import { PASSWORD, respond, signIn, someAnswers } from './support';

async function seed(db: Database) {
	const person = (email: string, name: string) => makeSignInUser(db, email, PASSWORD, name);
	const owner = await person('olga@rijen.example', 'Olga Eigenaar');
	const manager = await person('cor@rijen.example', 'Cor Collega');
	const adviser = await person('ada@rijen.example', 'Ada Adviseur');
	const researcher = await person('rik@rijen.example', 'Rik Onderzoeker');
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Garage Rijen' });
	await db.insert(firmMember).values({ firmId: firm.id, userId: manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: adviser.id, kind: 'adviser', grantedBy: owner.id });
	await db.insert(dataAgreement).values({ firmId: firm.id, userId: researcher.id, recordedBy: owner.id });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', threshold: 5 });
	return { owner, manager, adviser, researcher, firm, round };
}

let server: SeededServer<Awaited<ReturnType<typeof seed>>>;
let s: Awaited<ReturnType<typeof seed>>;
const sessions: Record<'owner' | 'manager' | 'adviser' | 'researcher', HttpSession> = {} as never;

beforeAll(async () => {
	server = await startSeededServer(seed);
	s = server.seeded;
	for (const who of ['owner', 'manager', 'adviser', 'researcher'] as const) sessions[who] = await signIn(server.baseUrl, s[who].email);
	for (let i = 0; i < 6; i++) await respond(server.baseUrl, s.round.linkToken, { ...someAnswers(i), age: i === 0 ? '55_plus' : '25_34' });
});
afterAll(async () => {
	await server?.close();
});

const exportUrl = (file = '') => `/firms/${s.firm.slug}/rounds/${s.round.id}/export${file ? `/${file}` : ''}`;
const PER_PERSON = ['statements.csv', 'statements-nl.csv', 'research.csv', 'research-nl.csv', 'research.sav', 'respondents.csv'];

describe('the firm’s own people', () => {
	it('owner and co-manager get no file with answers per person, by any file name', async () => {
		for (const who of [sessions.owner, sessions.manager, sessions.adviser]) {
			for (const file of PER_PERSON) expect((await who.get(exportUrl(file))).status, file).toBe(404);
		}
	});

	it('the export page offers them only the report figures, and says why', async () => {
		for (const who of [sessions.owner, sessions.manager]) {
			const page = await (await who.get(exportUrl())).text();
			expect(page).toContain('report.csv');
			expect(page).not.toMatch(/statements|research\./);
			expect(page).toContain('Antwoorden per persoon');
		}
	});

	it('the owner’s data download holds the figures, but not one row per respondent', async () => {
		const res = await sessions.owner.get(`/firms/${s.firm.slug}/data/archive`);
		expect(res.status).toBe(200);
		const archive = JSON.parse(await res.text()) as { rounds: Record<string, unknown>[] };
		const round = archive.rounds.find((r) => r.name === 'Voorjaar')!;
		// The round is still open: no count of stored responses, only the number in the published version.
		expect(round.responses).toBeNull();
		expect(round.reportVersions).toMatchObject([{ version: 1, includedResponses: 6 }]);
		expect(round).not.toHaveProperty('statements');
		expect(JSON.stringify(archive)).not.toMatch(/werk_1,|werk_1;/);
	});
});

describe('a researcher with a data agreement', () => {
	it('still gets the research data, respondent by respondent', async () => {
		const res = await sessions.researcher.get(exportUrl('research.csv'));
		expect(res.status).toBe(200);
		const lines = (await res.text()).trim().split('\n');
		expect(lines).toHaveLength(7);
	});
});
