// Attack: behind a proxy, one client sends junk magic-link requests so that the rate limit locks everyone
// out of signing in. With ADDRESS_HEADER/XFF_DEPTH set, every client has a bucket of its own, in SvelteKit's
// limits and better-auth's alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDatabase, startServer, type RunningServer, type ScratchDatabase } from '../support/server';

let database: ScratchDatabase;
let server: RunningServer;

beforeAll(async () => {
	database = await scratchDatabase('proxy');
	server = await startServer(database, undefined, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1', NODE_ENV: 'production' });
});
afterAll(async () => {
	await server?.kill('SIGTERM');
	await database?.drop();
});

const magicLink = (client: string) =>
	fetch(`${server.baseUrl}/api/auth/sign-in/magic-link`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', origin: server.baseUrl, 'x-forwarded-for': client },
		body: JSON.stringify({ email: 'iemand@example.nl' })
	}).then(async (res) => (await res.arrayBuffer(), res.status));

describe('behind a proxy', () => {
	it('one client cannot use up the magic-link limit of another', async () => {
		const junk: number[] = [];
		for (let i = 0; i < 8; i++) junk.push(await magicLink('198.51.100.7'));
		expect(junk).toContain(429);
		expect(await magicLink('198.51.100.8')).toBe(200);
	});
});
