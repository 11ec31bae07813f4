// Several app servers on one PostgreSQL, as behind a load balancer without sticky sessions: one respondent's
// screens posted alternately to two servers end as one complete response; a round closed on one server is
// refused by the other at once (not after the round cache's five seconds), also after the other's listening
// connection was cut, and when the round was closed while it was cut; and the sign-in limits (the page's and
// better-auth's own endpoint) count the attempts made on both. Also `npm start` with LEERKOMPAS_WORKERS=2, which
// prints one set-up link for the first administrator. These cases need PostgreSQL and exist only with
// TEST_DATABASE_URL; on PGlite the one case is that LEERKOMPAS_WORKERS=2 is refused in one line.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { freePort, scratchDatabase, startServer, withDatabase, type RunningServer, type ScratchDatabase } from '../../support/server';
import { makeFirm } from '../../helpers/factories';
import { makeRound, makeSignInUser } from '../../helpers/scan-factories';
import { adminSetupToken, scanResponse, submissionReceipt } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';

const postgresUrl = process.env.TEST_DATABASE_URL;
const OWNER = { email: 'olga@example.nl', password: 'koffie en een stroopwafel' };

/** Cookies kept across both servers, as a browser keeps them for one site whatever server answers. */
class Browser {
	private cookies = new Map<string, string>();
	constructor(private readonly origin: string) {}

	async request(base: string, path: string, fields?: Record<string, string>): Promise<Response> {
		const res = await fetch(base + path, {
			method: fields ? 'POST' : 'GET',
			redirect: 'manual',
			headers: {
				cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
				accept: 'text/html',
				...(fields ? { origin: this.origin, 'content-type': 'application/x-www-form-urlencoded' } : {})
			},
			body: fields ? new URLSearchParams(fields).toString() : undefined
		});
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const at = pair!.indexOf('=');
			const name = pair!.slice(0, at).trim();
			const value = pair!.slice(at + 1).trim();
			if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}
}

/** Polls `check` until it gives a value; fails with `what` when that takes more than a minute. */
async function until<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Waited a minute in vain for: ${what}`);
		await new Promise((r) => setTimeout(r, 50));
	}
}

/** Every question on a screen answered: the first option of each radio group, text in each text field. */
function answersOf(page: string): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [, name, value] of page.matchAll(/<input[^>]*type="radio"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[name!] ??= value!;
	for (const [, name] of page.matchAll(/<textarea[^>]*name="([^"]+)"/g)) fields[name!] ??= 'We leren van elkaar.';
	return fields;
}

if (postgresUrl) {
	describe('two app servers on one PostgreSQL', () => {
		let database: ScratchDatabase;
		let servers: RunningServer[] = [];
		let origin: string;
		type Round = { id: string; linkToken: string };
		let seeded: { firmSlug: string; screens: Round; closing: Round; relistened: Round; missed: Round };
		let admin: postgres.Sql;

		beforeAll(async () => {
			database = await scratchDatabase('two-servers');
			seeded = await withDatabase(database.target, async (db: Database) => {
				const owner = await makeSignInUser(db, OWNER.email, OWNER.password, 'Olga Eigenaar');
				const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
				const round = () => makeRound(db, firm.id);
				return { firmSlug: firm.slug, screens: await round(), closing: await round(), relistened: await round(), missed: await round() };
			});
			admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
			// One public address for both, as behind a load balancer (ORIGIN is the same on every server).
			const ports = [await freePort(), await freePort()];
			origin = `http://127.0.0.1:${ports[0]}`;
			servers = await Promise.all(ports.map((port) => startServer(database, port, { ORIGIN: origin })));
		});
		afterAll(async () => {
			await Promise.all(servers.map((s) => s.kill('SIGTERM')));
			await admin?.end();
			await database?.drop();
		});

		const databaseName = () => new URL(database.env.DATABASE_URL!).pathname.slice(1);
		/** The server's LISTEN connection, found by the application_name its process gives (db/client.ts). */
		async function listenerOf(server: RunningServer): Promise<{ pid: number; state: string } | undefined> {
			const [row] = await admin<{ pid: number; state: string }[]>`
				select pid, state from pg_stat_activity
				where datname = ${databaseName()} and application_name = ${`leerkompas pid ${server.process.pid}`} and query ilike 'listen%'`;
			return row;
		}
		/** Waits until the server listens on a connection other than `cut`, the LISTEN done. */
		const listensAgain = (server: RunningServer, cut: number) =>
			until('the server to listen again', async () => {
				const now = await listenerOf(server);
				return now && now.pid !== cut && now.state === 'idle' ? now : undefined;
			});
		async function closeRound(owner: Browser, round: Round): Promise<number> {
			return (await owner.request(servers[0]!.baseUrl, `/firms/${seeded.firmSlug}/rounds/${round.id}/close`, {})).status;
		}
		/** A respondent's answer posted to `server`; the round cache must not have let it through. */
		async function expectRefused(server: RunningServer, round: Round, cachedAt: number) {
			const page = await new Browser(origin).request(server.baseUrl, `/s/${round.linkToken}/q/werk`, { werk_1: '4', go: 'next' });
			// Only inside the cache's life does the refusal show that the server was told, not that it forgot.
			expect(Date.now() - cachedAt, 'the steps took longer than the round cache lives').toBeLessThan(5000);
			expect(page.status).not.toBe(303);
			expect(await page.text()).toContain('gesloten');
		}
		async function fillRoundCache(server: RunningServer, round: Round): Promise<number> {
			expect(await (await new Browser(origin).request(server.baseUrl, `/s/${round.linkToken}/q/werk`)).text()).toContain('name="werk_1"');
			return Date.now();
		}

		it("stores one respondent's screens, posted alternately to both servers, once and complete", async () => {
			const browser = new Browser(origin);
			const base = (i: number) => servers[i % 2]!.baseUrl;
			const survey = `/s/${seeded.screens.linkToken}`;
			let n = 0;
			let next = `${survey}/q/werk`;
			const answered: Record<string, string> = {};
			while (next.startsWith(`${survey}/q/`)) {
				const page = await (await browser.request(base(n++), next)).text();
				const fields = answersOf(page);
				Object.assign(answered, fields);
				const res = await browser.request(base(n++), next, { ...fields, go: 'next' });
				expect(res.status).toBe(303);
				next = res.headers.get('location') ?? '';
			}
			expect(next).toBe(`${survey}/summary`);
			const summary = await (await browser.request(base(n++), next)).text();
			expect(summary).not.toContain('?from=summary'); // nothing skipped: every screen reached the draft
			const key = summary.match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)?.[1];
			expect(key).toBeDefined();
			const sent = await browser.request(base(n++), `${survey}/summary`, { submissionKey: key! });
			expect(sent.headers.get('location')).toBe(`${survey}/thanks`);
			// The same send on the other server (a retry through the load balancer) stores nothing more.
			const again = await browser.request(base(n), `${survey}/summary`, { submissionKey: key! });
			expect(again.headers.get('location')).toBe(`${survey}/thanks`);

			const stored = await withDatabase(database.target, async (db) => ({
				responses: await db.select().from(scanResponse).where(eq(scanResponse.roundId, seeded.screens.id)),
				receipts: await db.select().from(submissionReceipt).where(eq(submissionReceipt.roundId, seeded.screens.id))
			}));
			expect(stored.responses).toHaveLength(1);
			expect(stored.receipts).toHaveLength(1);
			const items = Object.entries(answered).filter(([name]) => /^[a-z]+_\d+$/.test(name));
			expect(items.length).toBeGreaterThan(20);
			for (const [name, value] of items) expect(stored.responses[0]!.answers[name], name).toBe(Number(value));
		});

		it('refuses answers on one server at once after the owner closed the round on the other', async () => {
			const survey = `/s/${seeded.closing.linkToken}`;
			const respondent = new Browser(origin);
			const owner = new Browser(origin);
			expect((await owner.request(servers[0]!.baseUrl, '/login?/password', OWNER)).status).toBe(303);
			// Both servers have the open round in their cache, which keeps it for five seconds.
			for (const s of servers) expect(await (await respondent.request(s.baseUrl, `${survey}/q/werk`)).text()).toContain('name="werk_1"');
			const cachedAt = Date.now();
			const roundPath = `/firms/${seeded.firmSlug}/rounds/${seeded.closing.id}`;
			expect((await owner.request(servers[0]!.baseUrl, `${roundPath}/close`, {})).status).toBe(303);
			const page = await respondent.request(servers[1]!.baseUrl, `${survey}/q/werk`, { werk_1: '4', go: 'next' });
			// Only inside the cache's life does the refusal show that the other server was told, not that it forgot.
			expect(Date.now() - cachedAt, 'close and post took longer than the round cache lives').toBeLessThan(5000);
			expect(page.status).not.toBe(303);
			expect(await page.text()).toContain('gesloten');
		});

		it('refuses answers at once after a round closed on one server, also once the other lost its listening connection and listens again', async () => {
			const [a, b] = [servers[0]!, servers[1]!];
			const owner = new Browser(origin);
			expect((await owner.request(a.baseUrl, '/login?/password', OWNER)).status).toBe(303);
			const cut = await until('B to listen', () => listenerOf(b));
			await admin`select pg_terminate_backend(${cut.pid})`;
			await listensAgain(b, cut.pid);
			// Filled after the reconnect, so only a notification on the new connection can clear it in time.
			const cachedAt = await fillRoundCache(b, seeded.relistened);
			expect(await closeRound(owner, seeded.relistened)).toBe(303);
			await expectRefused(b, seeded.relistened, cachedAt);
		});

		it('refuses answers on a server whose listening connection was down while the round was closed on the other', async () => {
			const [a, b] = [servers[0]!, servers[1]!];
			const owner = new Browser(origin);
			expect((await owner.request(a.baseUrl, '/login?/password', OWNER)).status).toBe(303);
			const cachedAt = await fillRoundCache(b, seeded.missed);
			// No new connections to the database: B cannot listen again until they are allowed, while A closes
			// the round on the connections it holds. Its notification reaches nobody on B.
			const cut = await until('B to listen', () => listenerOf(b));
			await admin.unsafe(`alter database ${databaseName()} with allow_connections false`);
			try {
				await admin`select pg_terminate_backend(${cut.pid})`;
				await until('B to stop listening', async () => ((await listenerOf(b)) ? undefined : true));
				expect(await closeRound(owner, seeded.missed)).toBe(303);
			} finally {
				await admin.unsafe(`alter database ${databaseName()} with allow_connections true`);
			}
			await listensAgain(b, cut.pid);
			await expectRefused(b, seeded.missed, cachedAt);
		});

		it('counts sign-in attempts made on both servers against one limit', async () => {
			const attempt = (i: number) => new Browser(origin).request(servers[i % 2]!.baseUrl, '/login?/password', { email: 'sam@example.nl', password: 'niet het wachtwoord' });
			// Ten tries per address and e-mail address in a quarter of an hour: five on each server.
			for (let i = 0; i < 10; i++) expect((await attempt(i)).status, `attempt ${i + 1}`).toBe(400);
			const eleventh = await attempt(10);
			expect(eleventh.status).toBe(429);
			expect(await eleventh.text()).toContain('U heeft het te vaak geprobeerd');
			expect((await attempt(11)).status).toBe(429);
		});

		it("counts posts straight to better-auth's sign-in on both servers against one limit", async () => {
			// better-auth's own limit (5 a minute) counts per process: four tries on each server would all pass it.
			// The shared count (6 per address and endpoint in a quarter of an hour) refuses the seventh, wherever it lands.
			const attempt = (i: number) =>
				fetch(`${servers[i % 2]!.baseUrl}/api/auth/sign-in/email`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', origin },
					body: JSON.stringify({ email: 'sam@example.nl', password: `niet het wachtwoord ${i}` })
				}).then(async (res) => (await res.arrayBuffer(), res.status));
			const statuses: number[] = [];
			for (let i = 0; i < 8; i++) statuses.push(await attempt(i));
			expect(statuses.slice(0, 6)).not.toContain(429);
			expect(statuses.slice(6)).toEqual([429, 429]);
		});
	});
}

describe('npm start with LEERKOMPAS_WORKERS', () => {
	function start(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
		const child = spawn(process.execPath, ['scripts/start.js'], { env: { ...process.env, SMTP_URL: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
		return { child, output: () => output, exited: new Promise((r) => child.once('exit', (code) => r(code))) };
	}

	it('refuses more than one worker on the embedded database, in one line', async () => {
		const database = await scratchDatabase('workers-pglite', '');
		try {
			const env: NodeJS.ProcessEnv = { ...database.env, LEERKOMPAS_WORKERS: '2', PORT: String(await freePort()) };
			delete env.DATABASE_URL;
			const run = start({ ...env, DATABASE_URL: '' });
			expect(await run.exited).toBe(1);
			expect(run.output().trim()).toBe('LEERKOMPAS_WORKERS=2 needs DATABASE_URL (PostgreSQL): the embedded database serves one process only.');
		} finally {
			await database.drop();
		}
	});

	if (postgresUrl) {
		it('runs two server processes on PostgreSQL that both serve', async () => {
			const database = await scratchDatabase('workers');
			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			const run = start({ ...database.env, LEERKOMPAS_WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', ORIGIN: base });
			try {
				const deadline = Date.now() + 90_000;
				let status = 0;
				while (Date.now() < deadline && run.child.exitCode === null) {
					status = await fetch(`${base}/`).then((r) => r.status, () => 0);
					if (status === 200 && childrenOf(run.child.pid!).length === 2) break;
					await new Promise((r) => setTimeout(r, 200));
				}
				expect(status, run.output()).toBe(200);
				const workers = childrenOf(run.child.pid!);
				expect(workers).toHaveLength(2);
				// Many requests at once, all answered (the two share the port).
				const answers = await Promise.all(Array.from({ length: 40 }, () => fetch(`${base}/privacy`).then((r) => r.status)));
				expect(answers.every((s) => s === 200)).toBe(true);
				run.child.kill('SIGTERM');
				expect(await run.exited).toBe(0);
				expect(workers.filter(alive)).toEqual([]);
			} finally {
				// Whatever failed, no server process may outlive the test.
				if (run.child.exitCode === null) for (const pid of [...childrenOf(run.child.pid!), run.child.pid!]) process.kill(pid, 'SIGKILL');
				await database.drop();
			}
		}, 150_000);

		it('prints one set-up link for the first administrator, not one per server process, and that link works', async () => {
			const database = await scratchDatabase('workers-banner');
			const port = await freePort();
			const base = `http://127.0.0.1:${port}`;
			const run = start({ ...database.env, LEERKOMPAS_WORKERS: '2', PORT: String(port), HOST: '127.0.0.1', ORIGIN: base });
			try {
				// Each worker has done its start (and printed any banner) before it listens; this line follows.
				await until('both server processes to serve', async () => {
					if (run.child.exitCode !== null) throw new Error(run.output());
					return run.output().includes('All 2 server processes are running') ? true : undefined;
				});
				const links = run.output().match(/https?:\/\/\S+\/setup\/\S+/g) ?? [];
				expect(links, run.output()).toHaveLength(1);
				expect(run.output().match(/Leerkompas is running/g)).toHaveLength(1);
				expect(await withDatabase(database.target, (db) => db.select().from(adminSetupToken))).toHaveLength(1);

				expect((await fetch(links[0]!)).status).toBe(200);
				const created = await fetch(links[0]!, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
					body: new URLSearchParams({ name: 'Anna Beheer', email: 'anna@example.nl', password: 'koffie en een stroopwafel' }).toString()
				});
				expect(created.status).toBe(303);
				expect(created.headers.get('location')).toBe('/admin');
				run.child.kill('SIGTERM');
				expect(await run.exited).toBe(0);
			} finally {
				if (run.child.exitCode === null) for (const pid of [...childrenOf(run.child.pid!), run.child.pid!]) process.kill(pid, 'SIGKILL');
				await database.drop();
			}
		}, 150_000);
	}
});

function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			// The parent's id is the 4th field, after the command in parentheses (which may hold spaces).
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) children.push(Number(entry));
		} catch {
			// The process ended while we looked.
		}
	}
	return children;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}
