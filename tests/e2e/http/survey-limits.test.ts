// Floods, on a server of this file's own so that its in-memory counters start at zero and nothing here
// slows down other files: posts to one round's link are limited per round, wrong codes per address, and
// neither touches the other nor the sign-in page.
import { describe, expect, it } from 'vitest';
import { HttpSession } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { makeFirm } from '../../helpers/factories';
import { makeCards, makeRound, makeSignInUser } from '../../helpers/scan-factories';
import type { Database } from '../../../src/lib/server/db/client';

async function seed(db: Database) {
	const owner = await makeSignInUser(db, 'olga@example.nl', 'koffie en een stroopwafel');
	const firm = await makeFirm(db, { ownerId: owner.id });
	const flooded = await makeRound(db, firm.id);
	const quiet = await makeRound(db, firm.id);
	const cards = await makeRound(db, firm.id, { inviteMode: 'cards' });
	const [card] = await makeCards(db, cards.id, 1);
	return { owner, flooded, quiet, cards, card: card! };
}

// A low limit (LEERKOMPAS_SURVEY_POSTS_PER_10_MIN, default 30,000) keeps the flood short.
const POST_LIMIT = 500;

const server = useSeededServer(seed, { LEERKOMPAS_SURVEY_POSTS_PER_10_MIN: String(POST_LIMIT) });

describe('a flood on one round link', () => {
	it('gets a friendly 429 page that keeps the choices, while other rounds and sign-in go on', async () => {
		const s = server.seeded;
		const session = new HttpSession(server.baseUrl);
		const url = `/s/${s.flooded.linkToken}/q/werk`;
		// Refused posts (a question from another screen) are cheap: the limit counts every post.
		const statuses = new Map<number, number>();
		for (let sent = 0; sent < POST_LIMIT; sent += 50) {
			const batch = await Promise.all(Array.from({ length: 50 }, () => session.post(url, { ruimte_1: '3' })));
			for (const res of batch) {
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
				await res.arrayBuffer();
			}
		}
		expect(Object.fromEntries(statuses)).toEqual({ 400: POST_LIMIT });

		const refused = await session.post(url, { werk_1: '4', go: 'next' });
		expect(refused.status).toBe(429);
		const page = (await refused.text()).replace(/&#39;/g, "'");
		expect(page).toContain('Het is nu erg druk met deze vragenlijst.');
		expect(page).toMatch(/name="werk_1" value="4" checked/);
		expect(page).not.toMatch(/<script/i);

		const other = await session.post(`/s/${s.quiet.linkToken}/q/werk`, { werk_1: '4', go: 'next' });
		expect(other.status).toBe(303);
		const signIn = await new HttpSession(server.baseUrl).post('/login?/password', { email: s.owner.email, password: s.owner.password, returnTo: '/firms' });
		expect(signIn.status).toBe(303);
	}, 180_000);
});

describe('guessing card codes', () => {
	it('blocks the address after ten wrong codes, then also refuses a good one, without telling which exist', async () => {
		const s = server.seeded;
		const session = new HttpSession(server.baseUrl);
		for (let i = 0; i < 10; i++) {
			const res = i % 2 ? await session.get(`/k/WRONG${i}CODE`) : await session.post('/k', { code: `WRONG${i}CODE` });
			expect(res.status).toBe(404);
			await res.arrayBuffer();
		}
		const good = await session.post('/k', { code: s.card });
		expect(good.status).toBe(429);
		expect((await good.text()).replace(/&#39;/g, "'")).toContain('Er zijn te veel verkeerde codes geprobeerd.');
		const scanned = await session.get(`/k/${s.card}`);
		expect(scanned.status).toBe(429);
		await scanned.arrayBuffer();
		const shortLink = await session.get(`/r/${s.quiet.shortCode}`);
		expect(shortLink.status).toBe(429);
		await shortLink.arrayBuffer();
		// the survey itself and signing in are not blocked
		expect((await session.get(`/s/${s.quiet.linkToken}`)).status).toBe(200);
		const signIn = await new HttpSession(server.baseUrl).post('/login?/password', { email: s.owner.email, password: s.owner.password, returnTo: '/firms' });
		expect(signIn.status).toBe(303);
	});
});
