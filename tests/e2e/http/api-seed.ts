// One firm with every role around it, a published round, a supervised round and an action, and a token per
// person, for the /api/v1 tests. Tokens are made with the same use case as the account page; for people who
// cannot make one for this firm (no role there) a row naming the firm is written directly, to show that a
// token never reaches further than the account's role does today.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { loadInstrument } from '../../../src/lib/domain/instrument';
import { sampleResponses } from '../../../src/lib/server/report/sample-responses';
import { adviserGrant, apiToken, firmAction, firmMember, scanResponse, user } from '../../../src/lib/server/db/schema';
import { createApiToken, hashToken } from '../../../src/lib/server/api-tokens/tokens';
import type { Database } from '../../../src/lib/server/db/client';

export const password = 'koffie en een stroopwafel';

async function token(db: Database, userId: string, values: Record<string, unknown>, now?: Date): Promise<string> {
	const made = await createApiToken(db, { userId, values: { name: 'test', access: 'write', ...values }, now });
	if (!made.ok) throw new Error(`no token: ${JSON.stringify(made.errors)}`);
	return made.secret;
}

/** A token row the account page would refuse (a firm where the person has no role). */
async function forgedToken(db: Database, userId: string, firmIds: string[]): Promise<string> {
	const secret = `lk_${randomBytes(32).toString('base64url')}`;
	await db.insert(apiToken).values({ userId, name: 'forged', tokenHash: hashToken(secret), hint: secret.slice(0, 7), firmIds, access: 'write', expiresAt: new Date(Date.now() + 86_400_000) });
	return secret;
}

export async function seedApi(db: Database) {
	const people = {
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		manager: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Collega'),
		adviser: await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur'),
		formerAdviser: await makeSignInUser(db, 'fred@example.nl', password, 'Fred Oud-adviseur'),
		ambassador: await makeSignInUser(db, 'anna@example.nl', password, 'Anna Ambassadeur'),
		coordinator: await makeSignInUser(db, 'nina@example.nl', password, 'Nina Netwerk'),
		admin: await makeSignInUser(db, 'bea@example.nl', password, 'Bea Beheer'),
		outsider: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: people.owner.id, employees: 12 });
	const second = await makeFirm(db, { name: 'Olga Twee', ownerId: people.owner.id, employees: 12 });
	const other = await makeFirm(db, { name: 'Garage Bert', ownerId: people.outsider.id, employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: people.manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.adviser.id, kind: 'coach', grantedBy: people.owner.id });
	const [former] = await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.formerAdviser.id, kind: 'adviser', grantedBy: people.owner.id }).returning();
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.ambassador.id, kind: 'ambassador', grantedBy: people.owner.id });
	const round = await makeRound(db, firm.id, { name: 'Voorjaar', invited: 12 });
	const employees = sampleResponses(loadInstrument('v1'), 8, 'employee', { seed: 11, teams: [] });
	await db.insert(scanResponse).values(
		employees.map((r) => ({ roundId: round.id, perspective: 'employee' as const, submittedOn: new Date().toISOString().slice(0, 10), source: 'survey' as const, answers: { ...r.answers }, background: { ...r.background }, learning: { ...r.learning, barriers: [...r.learning.barriers] }, open: {} }))
	);
	const supervised = await makeRound(db, firm.id, { name: 'Onder begeleiding', supervisedBy: people.adviser.id, supervisorName: people.adviser.name });
	const otherRound = await makeRound(db, other.id, { name: 'Garage voorjaar' });
	await db.insert(firmAction).values({ firmId: firm.id, roundId: round.id, title: 'Leerlunch', createdBy: people.owner.id });

	const tokens = {
		owner: await token(db, people.owner.id, { firms: [firm.slug] }),
		ownerRead: await token(db, people.owner.id, { firms: [firm.slug], access: 'read' }),
		ownerSecondOnly: await token(db, people.owner.id, { firms: [second.slug] }),
		ownerUnused: await token(db, people.owner.id, { firms: [firm.slug] }),
		ownerRevoked: await token(db, people.owner.id, { firms: [firm.slug] }),
		ownerExpired: await token(db, people.owner.id, { firms: [firm.slug], days: 1 }, new Date(Date.now() - 2 * 86_400_000)),
		ownerLimited: await token(db, people.owner.id, { firms: [firm.slug] }),
		manager: await token(db, people.manager.id, { firms: [firm.slug] }),
		adviser: await token(db, people.adviser.id, { firms: [firm.slug] }),
		formerAdviser: await token(db, people.formerAdviser.id, { firms: [firm.slug] }),
		ambassador: await token(db, people.ambassador.id, { firms: [firm.slug] }),
		outsider: await token(db, people.outsider.id, { firms: [other.slug] }),
		coordinator: await forgedToken(db, people.coordinator.id, [firm.id]),
		admin: await forgedToken(db, people.admin.id, [firm.id, other.id])
	};
	// Consent withdrawn after the token was made: the token goes with it.
	await db.update(adviserGrant).set({ revokedAt: new Date() }).where(eq(adviserGrant.id, former!.id));
	await db.update(apiToken).set({ revokedAt: new Date() }).where(eq(apiToken.tokenHash, hashToken(tokens.ownerRevoked)));
	return { people, firm, second, other, round, supervised, otherRound, tokens };
}

export type ApiSeed = Awaited<ReturnType<typeof seedApi>>;

/** A call to /api/v1 with a bearer token (or none), as an integration would make it. */
export async function api(baseUrl: string, path: string, options: { token?: string; method?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
	const headers: Record<string, string> = { accept: 'application/json', ...(options.headers ?? {}) };
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${baseUrl}/api/v1${path}`, { method: options.method ?? 'GET', headers, body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)), redirect: 'manual' });
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = text;
	}
	return { status: res.status, headers: res.headers, json: json as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } } };
}
