// /api/v1 through the built server: bearer tokens only (a signed-in browser's cookie is refused), tokens
// scoped to firms and to read or write, revoked and expired tokens refused, and the pages' authorization
// matrix run through the API per role: the API never gives more than the pages do. A firm or round out of
// reach answers 404, as on the pages.
import { describe, expect, it } from 'vitest';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { api, password, seedApi, type ApiSeed } from './api-seed';
import { apiToken } from '../../../src/lib/server/db/schema';
import { hashToken } from '../../../src/lib/server/api-tokens/tokens';

const LIMIT = 40;
const server = useSeededServer(seedApi, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', LEERKOMPAS_API_REQUESTS_PER_MINUTE: String(LIMIT) });
const s = server.seeded;

const call = (path: string, options: Parameters<typeof api>[2] = {}) => api(server.baseUrl, path, options);

async function signIn(email: string, address: string): Promise<HttpSession> {
	const session = new HttpSession(server.baseUrl);
	const res = await session.send('/login?/password', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
		body: new URLSearchParams({ email, password }).toString()
	});
	if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return session;
}

describe('tokens', () => {
	it('refuses a call without a token, also from a signed-in browser with its cookie', async () => {
		const none = await call('/firms');
		expect(none.status).toBe(401);
		expect(none.json.error?.code).toBe('unauthorized');
		expect(none.headers.get('www-authenticate')).toBe('Bearer');
		const browser = await signIn(s.people.owner.email, '10.0.1.1');
		expect((await browser.get(`/firms/${s.firm.slug}`)).status).toBe(200);
		const withCookie = await browser.send('/api/v1/firms', { headers: { accept: 'application/json' } });
		expect(withCookie.status).toBe(401);
		const posted = await browser.send(`/api/v1/firms/${s.firm.slug}/rounds`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify({ name: 'Via cookie' }) });
		expect(posted.status).toBe(401);
	});

	it('refuses revoked, expired, unknown and malformed tokens with 401', async () => {
		for (const token of [s.tokens.ownerRevoked, s.tokens.ownerExpired, `lk_${'A'.repeat(43)}`, 'not-a-token']) {
			const res = await call('/firms', { token });
			expect(res.status, token.slice(0, 8)).toBe(401);
			expect(res.json.error?.code).toBe('unauthorized');
		}
	});

	it('reaches only the firms the token names: another firm of the same owner is 404', async () => {
		const firms = await call('/firms', { token: s.tokens.ownerSecondOnly });
		expect(firms.status).toBe(200);
		expect((firms.json.firms as { slug: string }[]).map((f) => f.slug)).toEqual([s.second.slug]);
		expect((await call(`/firms/${s.firm.slug}`, { token: s.tokens.ownerSecondOnly })).status).toBe(404);
		expect((await call(`/firms/${s.firm.slug}/rounds/${s.round.id}/report`, { token: s.tokens.ownerSecondOnly })).status).toBe(404);
		// And the token for the firm does not reach a round of another firm, by id.
		expect((await call(`/firms/${s.firm.slug}/rounds/${s.otherRound.id}`, { token: s.tokens.owner })).status).toBe(404);
	});

	it('lets a read token read but not write: 403 on every post', async () => {
		expect((await call(`/firms/${s.firm.slug}/rounds`, { token: s.tokens.ownerRead })).status).toBe(200);
		const create = await call(`/firms/${s.firm.slug}/rounds`, { token: s.tokens.ownerRead, method: 'POST', body: { name: 'Najaar' } });
		expect(create.status).toBe(403);
		expect(create.json.error?.code).toBe('forbidden');
		expect((await call(`/firms/${s.firm.slug}/rounds/${s.round.id}/close`, { token: s.tokens.ownerRead, method: 'POST' })).status).toBe(403);
		const status = await call(`/firms/${s.firm.slug}/rounds/${s.round.id}`, { token: s.tokens.owner });
		expect(status.json.status).toBe('open');
	});

	it('answers bad input with 400 or 422 and a plain message, never a 500', async () => {
		const path = `/firms/${s.firm.slug}/rounds`;
		const notJson = await call(path, { token: s.tokens.owner, method: 'POST', raw: '{name:' });
		expect(notJson.status).toBe(400);
		const wrongType = await call(path, { token: s.tokens.owner, method: 'POST', body: { name: 5, invited: 'veel', extra: true } });
		expect(wrongType.status).toBe(422);
		expect(wrongType.json.error?.fields?.name).toBeTruthy();
		expect(wrongType.json.error?.fields?.invited).toBeTruthy();
		const rules = await call(path, { token: s.tokens.owner, method: 'POST', body: { name: 'Najaar', opensOn: '2026-10-10', closesOn: '2026-10-01' } });
		expect(rules.status).toBe(422);
		expect(rules.json.error?.fields?.closesOn).toBeTruthy();
		for (const bad of ['niet-een-id', "' or 1=1", '00000000-0000-0000-0000-000000000000']) {
			expect((await call(`${path}/${encodeURIComponent(bad)}`, { token: s.tokens.owner })).status).toBe(404);
			expect((await call(`${path}/${encodeURIComponent(bad)}/report`, { token: s.tokens.owner })).status).toBe(404);
		}
		expect((await call(`/knowledge?q=${'x'.repeat(5000)}`, { token: s.tokens.owner })).status).toBe(200);
		expect((await call('/knowledge/bestaat-niet', { token: s.tokens.owner })).status).toBe(404);
	});

	it('limits calls per token with 429 and Retry-After, without blocking another token', async () => {
		let last = 0;
		for (let i = 0; i <= LIMIT; i++) last = (await call('/firms', { token: s.tokens.ownerLimited })).status;
		expect(last).toBe(429);
		const limited = await call('/firms', { token: s.tokens.ownerLimited });
		expect(limited.json.error?.code).toBe('rate_limited');
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect((await call('/firms', { token: s.tokens.ownerRead })).status).toBe(200);
	});

	it('makes a token on the account page, shows it once, and it works', async () => {
		const browser = await signIn(s.people.manager.email, '10.0.1.2');
		const page = await browser.get('/account/tokens');
		expect(page.status).toBe(200);
		const made = await browser.post('/account/tokens?/create', { name: 'Netwerk', firms: s.firm.slug, access: 'read', days: '30' });
		const html = await made.text();
		const secret = /data-testid="new-token">(lk_[A-Za-z0-9_-]{43})</.exec(html)?.[1];
		expect(secret).toBeDefined();
		expect((await call(`/firms/${s.firm.slug}`, { token: secret })).json.role).toBe('manager');
		const again = await (await browser.get('/account/tokens')).text();
		expect(again).not.toContain(secret!);
		expect(again).toContain('Netwerk');
		// Another firm's slug is refused with a message, not a token.
		const refused = await browser.post('/account/tokens?/create', { name: 'Stiekem', firms: s.other.slug, access: 'write' });
		expect(refused.status).toBe(400);
		expect(await refused.text()).not.toMatch(/data-testid="new-token"/);
	});
});

type Outcome = 200 | 404;
interface Row {
	role: keyof ApiSeed['tokens'];
	firm: Outcome;
	rounds: Outcome;
	report: Outcome;
	actions: Outcome;
	/** Whether the round status carries the invitation link, for the firm's own round and the supervised one. */
	link?: { own: boolean; supervised: boolean };
}

// The pages' rule (firms/access.ts): view for all four roles, rounds and report for owner, co-manager and
// adviser, the plan also for the ambassador; nothing for a former adviser, a coordinator, an admin or an outsider.
const matrix: Row[] = [
	{ role: 'owner', firm: 200, rounds: 200, report: 200, actions: 200, link: { own: true, supervised: false } },
	{ role: 'manager', firm: 200, rounds: 200, report: 200, actions: 200, link: { own: true, supervised: false } },
	{ role: 'adviser', firm: 200, rounds: 200, report: 200, actions: 200, link: { own: false, supervised: true } },
	{ role: 'ambassador', firm: 200, rounds: 404, report: 404, actions: 200 },
	{ role: 'formerAdviser', firm: 404, rounds: 404, report: 404, actions: 404 },
	{ role: 'coordinator', firm: 404, rounds: 404, report: 404, actions: 404 },
	{ role: 'admin', firm: 404, rounds: 404, report: 404, actions: 404 },
	{ role: 'outsider', firm: 404, rounds: 404, report: 404, actions: 404 }
];

describe('the authorization matrix through the API', () => {
	for (const row of matrix) {
		it(`${row.role}: firm ${row.firm}, rounds ${row.rounds}, report ${row.report}, plan ${row.actions}`, async () => {
			const token = s.tokens[row.role];
			const base = `/firms/${s.firm.slug}`;
			expect((await call(base, { token })).status).toBe(row.firm);
			expect((await call(`${base}/rounds`, { token })).status).toBe(row.rounds);
			expect((await call(`${base}/rounds/${s.round.id}`, { token })).status).toBe(row.rounds);
			expect((await call(`${base}/rounds/${s.round.id}/report`, { token })).status).toBe(row.report);
			expect((await call(`${base}/actions`, { token })).status).toBe(row.actions);
			const listed = await call('/firms', { token });
			expect((listed.json.firms as { slug: string }[]).some((f) => f.slug === s.firm.slug)).toBe(row.firm === 200);
			if (row.link) {
				const own = await call(`${base}/rounds/${s.round.id}`, { token });
				const supervised = await call(`${base}/rounds/${s.supervised.id}`, { token });
				expect(own.json.invitation !== null, 'own round link').toBe(row.link.own);
				expect(supervised.json.invitation !== null, 'supervised round link').toBe(row.link.supervised);
				expect(JSON.stringify(own.json).includes(s.round.linkToken)).toBe(row.link.own);
				expect(JSON.stringify(supervised.json).includes(s.supervised.linkToken)).toBe(row.link.supervised);
			}
			// The knowledge base is open to every token, as its pages are to everyone.
			expect((await call('/knowledge?q=leren', { token })).status).toBe(200);
		});
	}

	it('shows counts only as published: the live count of a round without a report is not in the answer', async () => {
		const list = await call(`/firms/${s.firm.slug}/rounds`, { token: s.tokens.owner });
		const rounds = list.json.rounds as { id: string; publishedResponses: number | null }[];
		expect(rounds.find((r) => r.id === s.round.id)?.publishedResponses).toBe(8);
		expect(rounds.find((r) => r.id === s.supervised.id)?.publishedResponses).toBeNull();
		expect(JSON.stringify(list.json)).not.toMatch(/"counts"/);
	});

	it('the report is the same document as the report page\u2019s JSON export', async () => {
		const browser = await signIn(s.people.owner.email, '10.0.1.3');
		const page = await browser.get(`/firms/${s.firm.slug}/rounds/${s.round.id}/report/report.json`, { accept: 'application/json' });
		expect(page.status).toBe(200);
		const viaApi = await call(`/firms/${s.firm.slug}/rounds/${s.round.id}/report`, { token: s.tokens.owner, headers: { 'accept-language': 'nl' } });
		expect(viaApi.json).toEqual(await page.json());
	});

	it('closes only for owners and co-managers: an adviser\u2019s write token gets 404, a second close 409', async () => {
		const path = `/firms/${s.firm.slug}/rounds/${s.round.id}/close`;
		expect((await call(path, { token: s.tokens.adviser, method: 'POST' })).status).toBe(404);
		expect((await call(path, { token: s.tokens.ambassador, method: 'POST' })).status).toBe(404);
		const closed = await call(path, { token: s.tokens.manager, method: 'POST' });
		expect(closed.status).toBe(200);
		expect(closed.json.status).toBe('closed');
		const again = await call(path, { token: s.tokens.owner, method: 'POST' });
		expect(again.status).toBe(409);
		expect(again.json.error?.code).toBe('conflict');
	});

	it('an adviser starts a supervised round whose link only the adviser gets', async () => {
		const made = await call(`/firms/${s.firm.slug}/rounds`, { token: s.tokens.adviser, method: 'POST', body: { name: 'Begeleid najaar', invited: 10 } });
		expect(made.status).toBe(201);
		expect(made.json.supervised).toBe(true);
		expect(made.json.invitation).not.toBeNull();
		const id = made.json.id as string;
		expect((await call(`/firms/${s.firm.slug}/rounds/${id}`, { token: s.tokens.owner })).json.invitation).toBeNull();
		// The ambassador may not start rounds at all.
		expect((await call(`/firms/${s.firm.slug}/rounds`, { token: s.tokens.ambassador, method: 'POST', body: { name: 'x' } })).status).toBe(404);
	});
});

// Last: on PGlite, looking in the database stops the server.
describe('what the database keeps', () => {
	it('stores only the hash of each token, and the last use of the ones used', async () => {
		const rows = await server.inspect((db) => db.select().from(apiToken));
		const all = JSON.stringify(rows);
		for (const secret of Object.values(s.tokens)) expect(all).not.toContain(secret.slice(3));
		const find = (secret: string) => rows.find((r) => r.tokenHash === hashToken(secret));
		expect(find(s.tokens.owner)?.lastUsedAt).toBeInstanceOf(Date);
		expect(find(s.tokens.ownerUnused)?.lastUsedAt).toBeNull();
		expect(rows.filter((r) => r.name === 'Netwerk')).toHaveLength(1);
	});
});
