// A lost database connection. On PostgreSQL, while respondents send: first the server's connections are
// terminated again and again from a second client (pg_terminate_backend), then the network to PostgreSQL is
// cut altogether for a while (a relay the test cuts and restores). The server must stay up, answer every
// request that could not be done with a 503 and a plain Dutch message (never a 500), reconnect by itself,
// and store every respondent who was thanked exactly once, never a response without its receipt or the other
// way round. The embedded database (PGlite) runs in the server's own process: it has no connection to lose,
// so those cases only exist on PostgreSQL (TEST_DATABASE_URL).
//
// Also on both runs: PostgreSQL out of reach at start makes the server stop with one line naming DATABASE_URL.
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { createApiToken } from '../../src/lib/server/api-tokens/tokens';
import { openDatabase } from '../../src/lib/server/db/client';
import { firm, firmMember } from '../../src/lib/server/db/schema';
import {
	alive,
	countedAfterClosing,
	cuttableLink,
	freePort,
	ownerWithRounds,
	Respondent,
	runRespondents,
	runServerToExit,
	scratchDatabase,
	snapshotBuild,
	stackLines,
	startServer,
	storedOnDisk,
	waitFor,
	type CuttableLink,
	type RunningServer,
	type ScratchDatabase, ONE_ADDRESS_FOR_ALL } from './support';
import { cleanupsAfterAll } from './cleanups';

const postgresUrl = process.env.TEST_DATABASE_URL;
// Several rounds in flight at each cut (ten posts per respondent, plus the posts sent again).
const PER_ROUND = 100;
const PER_PHASE = 160;
const UNAVAILABLE_TEXT = 'Leerkompas kan nu even niet bij de gegevens. Wat u eerder heeft ingevuld of opgeslagen, is bewaard.';

const cleanups = cleanupsAfterAll();

/** A write token of the firm's owner, made by the account page's own use case. */
async function ownersApiToken(database: ScratchDatabase, slug: string): Promise<string> {
	const handle = await openDatabase(database.target);
	try {
		const [owner] = await handle.db
			.select({ userId: firmMember.userId })
			.from(firmMember)
			.innerJoin(firm, eq(firm.id, firmMember.firmId))
			.where(and(eq(firm.slug, slug), eq(firmMember.role, 'owner')));
		const made = await createApiToken(handle.db, { userId: owner!.userId, values: { name: 'fault test', access: 'write', firms: [slug] } });
		if (!made.ok) throw new Error(`no token: ${JSON.stringify(made.errors)}`);
		return made.secret;
	} finally {
		await handle.close();
	}
}

function callApi(baseUrl: string, token: string): Promise<Response> {
	return fetch(`${baseUrl}/api/v1/firms`, { headers: { authorization: `Bearer ${token}` } });
}

function respondentsFor(baseUrl: string, rounds: { survey: string }[], count: number, label: string): Respondent[] {
	return Array.from({ length: count }, (_, i) => new Respondent(baseUrl, rounds[i % rounds.length]!.survey, `${label}-marker-${i}-end`, i));
}

/** Runs again whoever was stopped by a 503 until all are thanked; a few passes, since a request may fail again. */
async function resumeUntilThanked(respondents: Respondent[], concurrency: number): Promise<void> {
	for (let pass = 0; pass < 5 && respondents.some((r) => r.state !== 'thanked'); pass++) {
		await runRespondents(respondents.filter((r) => r.state !== 'thanked'), concurrency);
	}
}

/** Every answer that was not a redirect: [status, page] of the respondents that got one. */
function failures(respondents: Respondent[]): { status: number; page: string }[] {
	return respondents.flatMap((r) => r.statuses.filter((s) => s !== 303).map((status) => ({ status, page: r.lastPage })));
}

function histogram(failed: { status: number }[]): string {
	const counts = new Map<number, number>();
	for (const { status } of failed) counts.set(status, (counts.get(status) ?? 0) + 1);
	return [...counts].map(([status, n]) => `${n} × ${status}`).join(', ') || 'none';
}

describe('PostgreSQL out of reach at start', () => {
	it('makes the server stop with one line that names DATABASE_URL, without a stack trace or the password', async () => {
		const dataDir = await scratchDatabase('pg-down', ''); // only a data folder: the server never gets to it
		cleanups.push(() => dataDir.drop());
		const closedPort = await freePort();
		const url = `postgres://leerkompas:geheim@127.0.0.1:${closedPort}/leerkompas`;
		const { code, output } = await runServerToExit(dataDir, { DATABASE_URL: url });
		expect(code).toBe(1);
		const lines = output.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toContain(`DATABASE_URL (postgres://leerkompas:***@127.0.0.1:${closedPort}/leerkompas)`);
		expect(lines[0]).toContain('ECONNREFUSED');
		expect(output).not.toContain('geheim');
		expect(stackLines(output)).toEqual([]);
	});
});

// Registered only on PostgreSQL: the embedded database runs inside the server and has no connection to lose.
if (postgresUrl) describe('a lost PostgreSQL connection while respondents send (PostgreSQL only: PGlite has no connection)', () => {
	let database: ScratchDatabase;
	let link: CuttableLink;
	let server: RunningServer;
	let admin: postgres.Sql;

	it('keeps the server up, answers 503 in Dutch, reconnects, and stores every thanked respondent once', async () => {
		const build = snapshotBuild();
		cleanups.push(() => build.remove());
		database = await scratchDatabase('lost-connection');
		cleanups.push(() => database.drop());
		const direct = new URL(database.env.DATABASE_URL!);
		link = await cuttableLink(direct.hostname, Number(direct.port || 5432));
		cleanups.push(() => link.close());
		const relayed = new URL(direct);
		relayed.hostname = '127.0.0.1';
		relayed.port = String(link.port);
		server = await startServer(database, undefined, { ...ONE_ADDRESS_FOR_ALL, DATABASE_URL: relayed.toString() }, build.dir);
		cleanups.push(() => server.kill('SIGKILL'));
		admin = postgres(direct.toString(), { max: 1, onnotice: () => {} });
		cleanups.push(() => admin.end());

		const made = await ownerWithRounds(server.baseUrl, Math.ceil((2 * PER_PHASE) / PER_ROUND) + 1, 'lostconn', database.env.LEERKOMPAS_DATA_DIR);
		const { owner, slug } = made;
		// One round nobody answers: its link is not in the survey's round cache (5 s), so its intro needs the database.
		const rounds = made.rounds.slice(0, -1);
		const unvisited = made.rounds.at(-1)!;
		const first = respondentsFor(server.baseUrl, rounds, PER_PHASE, 'terminated');
		const apiToken = await ownersApiToken(database, slug);
		expect((await callApi(server.baseUrl, apiToken)).status).toBe(200);

		// 1. Terminate the server's connections, again and again, while 32 respondents answer and send.
		const terminate = async () => {
			const [row] = await admin<{ n: number }[]>`
				select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid()`;
			return row!.n;
		};
		let running = true;
		let terminations = 0;
		let terminated = 0;
		const posts = () => first.reduce((n, r) => n + r.statuses.length, 0);
		const terminator = (async () => {
			while (running) {
				const before = posts();
				await waitFor(() => !running || (alive(server) && posts() >= before + 60), 'sixty more answered posts', 120_000, 5);
				if (!running) break;
				terminated += await terminate();
				terminations++;
			}
		})();
		await runRespondents(first, 32).finally(() => (running = false));
		await terminator;
		console.log(`terminated ${terminated} connections in ${terminations} rounds; answers other than a redirect: ${histogram(failures(first))}`);
		expect(terminations).toBeGreaterThanOrEqual(5);

		const phase2Start = Date.now();
		// 2. Cut the network to PostgreSQL altogether while the next respondents send, and restore it.
		const second = respondentsFor(server.baseUrl, rounds, PER_PHASE, 'cut');
		const cutting = (async () => {
			await waitFor(() => alive(server) && second.filter((r) => r.state === 'thanked').length >= 20, 'twenty thanked respondents before the cut');
			await link.cut();
			console.log(`cut with ${second.filter((r) => r.state === 'waiting').length} respondents still waiting to start`);
			// While it is cut, the server says so: to respondents and on every page that needs the database.
			await waitFor(() => alive(server) && failures(second).filter((f) => f.status === 503).length >= 20, 'twenty requests answered 503 during the cut');
			const intro = await fetch(`${server.baseUrl}${unvisited.survey}`);
			expect(intro.status).toBe(503);
			expect(await intro.text()).toContain(UNAVAILABLE_TEXT);
			const roundPage = await owner.get(`/firms/${slug}/rounds/${rounds[0]!.id}`);
			expect(roundPage.status).toBe(503);
			// The API as documented in /api/v1/openapi.json: 503, code "unavailable", and when to try again.
			const api = await callApi(server.baseUrl, apiToken);
			expect(api.status).toBe(503);
			expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unavailable');
			await link.restore();
		})();
		await Promise.all([runRespondents(second, 32), cutting]);
		console.log(`phase 2 (cut and restored) took ${Math.round((Date.now() - phase2Start) / 1000)} s`);

		// Nothing but redirects and 503s, and every 503 says in Dutch what happened and what to do.
		const everyone = [...first, ...second];
		const failed = failures(everyone);
		expect(failed.filter((f) => f.status !== 503).map((f) => `${f.status}: ${f.page.slice(0, 300)}`)).toEqual([]);
		expect(failed.length).toBeGreaterThanOrEqual(20);
		for (const r of everyone.filter((r) => r.state === 'unavailable')) {
			expect(r.lastPage).toContain(UNAVAILABLE_TEXT);
			expect(r.lastPage).toContain('Probeer het over een paar minuten opnieuw.');
		}
		// The terminations of phase 1 hit requests too (not only idle connections), or this test proves little.
		expect(failures(first).length, 'no request failed while connections were terminated').toBeGreaterThan(0);

		// The server is still the same process, has reconnected, and everyone who was stopped can send now.
		expect(alive(server)).toBe(true);
		expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);
		await resumeUntilThanked(everyone, 16);
		expect(everyone.filter((r) => r.state !== 'thanked').map((r) => `${r.marker}: ${r.state} ${r.lastStatus} ${r.lastError}`)).toEqual([]);
		// Everyone has answered: the owner closes the rounds, and the archive counts them.
		expect(await countedAfterClosing(owner, slug, rounds)).toBe(everyone.length);

		// Each failed request left one line in the log with its cause, and no stack trace.
		expect(server.output()).toMatch(/Database unavailable \((57P01|CONNECTION_CLOSED|ECONNRESET|ECONNREFUSED)\)/);
		expect(stackLines(server.output())).toEqual([]);

		await server.kill('SIGTERM');
		const stored = await storedOnDisk(database, rounds.map((r) => r.id));
		expect([...stored.markers].filter(([, n]) => n !== 1)).toEqual([]);
		for (const r of everyone) expect(stored.markers.get(r.marker), r.marker).toBe(1);
		// Never half-stored: a receipt for every response and a response for every receipt.
		expect(stored.responses).toBe(everyone.length);
		expect(stored.receipts).toBe(everyone.length);
		expect(stored.draftsWithMarker).toEqual([]);
	});
});
