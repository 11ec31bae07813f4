// Survey submissions under load: autocannon sends complete responses to one round of the built server with
// 10, 100 and 500 connections, on the embedded database and on PostgreSQL, and measures a bare Node http
// server answering 204 as the ceiling. A submission is one post of the one-page questionnaire (every question
// answered); at 100 connections the screen-by-screen flow of a phone (nine screens, then the send) is
// measured as well. On PostgreSQL, at 100 connections, the same run measures a naive baseline (bench/naive-server.ts:
// a plain node:http server that parses the same form and stores each response with its receipt in a transaction
// of its own) and Leerkompas again with LEERKOMPAS_WORKERS=2, and prints Leerkompas as ratios to the baseline and
// to the bare server.
//
//   npx tsx bench/survey-load.ts            PGlite, plus PostgreSQL when LEERKOMPAS_BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set
//   LEERKOMPAS_BENCH_SECONDS=10             seconds per level (default 10)
//   LEERKOMPAS_BENCH_CONNECTIONS=10,100,500 the levels
//   LEERKOMPAS_BENCH_PGLITE=0               leave the embedded database out (PostgreSQL only)
//   LEERKOMPAS_BENCH_WARMUP_SECONDS=3       uncounted posts before each level (each server, the baseline too)
//   LEERKOMPAS_BENCH_NODE_OPTIONS=…         Node options for the servers and the baseline (default none)
//
// Only 127.0.0.1 is contacted. A fresh database is made for each run and removed afterwards. The server is
// started once to set the database up, then again to be measured, as a server runs on an existing database;
// its flood guard on a survey link is set out of the way (LEERKOMPAS_SURVEY_POSTS_PER_10_MIN), since from
// one address a benchmark is exactly the flood it exists to stop.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { completeAnswers, countedAfterClosing, freePort, ONE_ADDRESS_FOR_ALL, ownerWithRounds, scratchDatabase, snapshotBuild, startServer, type RunningServer } from '../tests/faults/support';
import { submissionKeyFor } from '../src/lib/server/scan/survey/keys';

const SECONDS = Number(process.env.LEERKOMPAS_BENCH_SECONDS ?? 10);
/**
 * Seconds of posts before each measured level, not counted: a server that has just started compiles its code
 * while it answers, and a running server has long done that. Every compared server gets the same.
 */
const WARMUP_SECONDS = Number(process.env.LEERKOMPAS_BENCH_WARMUP_SECONDS ?? 3);
/** Node options for every compared server, the baseline too (e.g. --max-semi-space-size=64; docs/performance.md). */
const NODE_FLAGS = process.env.LEERKOMPAS_BENCH_NODE_OPTIONS ?? '';
const LEVELS = (process.env.LEERKOMPAS_BENCH_CONNECTIONS ?? '10,100,500').split(',').map(Number);
const PHONE_FLOW_CONNECTIONS = 100;
/** Where the baseline and the run with several workers are measured. */
const COMPARED_CONNECTIONS = 100;
const WORKERS = 2;
// The load comes from this machine's one address: lift the per-link and per-address limits it would hit.
const SERVER_ENV = { LEERKOMPAS_SURVEY_POSTS_PER_10_MIN: '100000000', NODE_OPTIONS: NODE_FLAGS, ...ONE_ADDRESS_FOR_ALL };

export interface LevelResult {
	flow: 'one page' | 'screens' | `one page, ${number} workers`;
	connections: number;
	requestsPerSecond: number;
	submissionsPerSecond: number;
	requestP50: number;
	requestP99: number;
	submissionP50: number | null;
	submissionP99: number | null;
	refused: number;
	errors: number;
	stored: number;
	/** CPU time of the server process per request, in ms: independent of what else shares the machine. */
	serverCpuPerRequest: number;
}

export interface CeilingResult {
	connections: number;
	requestsPerSecond: number;
	p50: number;
	p99: number;
}

function percentile(sorted: number[], p: number): number | null {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function runCannon(options: autocannon.Options): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => {
		autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
	});
}

export async function ceiling(connections: number): Promise<CeilingResult> {
	const server = createServer((_req, res) => {
		res.statusCode = 204;
		res.end();
	});
	const port = await freePort();
	await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
	try {
		const result = await runCannon({ url: `http://127.0.0.1:${port}/`, connections, duration: SECONDS });
		return { connections, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
	} finally {
		await new Promise((r) => server.close(r));
	}
}

/** Complete responses from the one-page questionnaire: one post each, every question answered. */
async function onePageSubmissions(server: RunningServer, survey: string, connections: number, duration = SECONDS) {
	const fields = Object.assign({}, ...completeAnswers('Wij leren veel van elkaar op de bouwplaats.', 3).map((s) => s.fields)) as Record<string, string>;
	const body = new URLSearchParams(fields).toString();
	const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, accept: 'text/html' };
	let thanked = 0;
	let refused = 0;
	const result = await runCannon({
		url: server.baseUrl,
		connections,
		duration,
		timeout: 30,
		requests: [
			{
				method: 'POST',
				path: `${survey}/all`,
				// A fresh submission key per post, as each page view gets one.
				setupRequest: (req: autocannon.Request) => ({ ...req, headers, body: `${body}&submissionKey=${randomBytes(32).toString('base64url')}` }),
				onResponse: (status: number, _body: string, _context: unknown, resHeaders: Record<string, string | string[]>) => {
					if (status === 303 && String(resHeaders.location ?? '').endsWith('/thanks')) thanked++;
					else refused++;
				}
			}
		]
	});
	return { result, thanked, refused, submissionTimes: null };
}

interface Respondent {
	survey?: string;
	cookie?: string;
	startedAt?: number;
}

/** Complete responses screen by screen, each connection one respondent after the other. */
async function screenSubmissions(server: RunningServer, survey: string, connections: number) {
	const screens = completeAnswers('Wij leren veel van elkaar op de bouwplaats.', 3);
	const bodies = screens.map((s) => new URLSearchParams({ ...s.fields, go: 'next' }).toString());
	const submissionTimes: number[] = [];
	let thanked = 0;
	let refused = 0;
	const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: server.baseUrl, accept: 'text/html' };
	const requests: autocannon.Request[] = screens.map((screen, i) => ({
		method: 'POST',
		setupRequest: (req: autocannon.Request, context: Respondent) => {
			if (i === 0) {
				context.survey = survey;
				context.startedAt = performance.now();
				context.cookie = undefined;
			}
			return { ...req, path: `${context.survey}/q/${screen.step}`, headers: { ...headers, ...(context.cookie ? { cookie: context.cookie } : {}) }, body: bodies[i] };
		},
		onResponse: (status: number, _body: string, context: Respondent, resHeaders: Record<string, string | string[]>) => {
			if (status !== 303) refused++;
			const setCookie = resHeaders['set-cookie'] ?? resHeaders['Set-Cookie'];
			const line = (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).find((c) => c.startsWith('lk_draft='));
			if (line) context.cookie = line.split(';')[0];
		}
	}));
	requests.push({
		method: 'POST',
		setupRequest: (req: autocannon.Request, context: Respondent) => {
			const draftKey = context.cookie?.slice('lk_draft='.length) ?? '';
			return { ...req, path: `${context.survey}/summary`, headers: { ...headers, cookie: context.cookie ?? '' }, body: `submissionKey=${submissionKeyFor(draftKey)}` };
		},
		onResponse: (status: number, _body: string, context: Respondent, resHeaders: Record<string, string | string[]>) => {
			if (status === 303 && String(resHeaders.location ?? '').endsWith('/thanks')) {
				thanked++;
				submissionTimes.push(performance.now() - (context.startedAt ?? 0));
			} else refused++;
		}
	});
	const result = await runCannon({ url: server.baseUrl, connections, duration: SECONDS, requests, timeout: 30 });
	submissionTimes.sort((a, b) => a - b);
	return { result, thanked, refused, submissionTimes: submissionTimes as number[] | null };
}

/** Responses stored in one run's round: the round is closed first, since an open round's count is never shown. */
async function storedIn(owner: Awaited<ReturnType<typeof ownerWithRounds>>, round: { id: string }): Promise<number> {
	return countedAfterClosing(owner.owner, owner.slug, [round]);
}

/** CPU time of the server and its worker processes (LEERKOMPAS_WORKERS), in ms. */
function cpuMilliseconds(server: Pick<RunningServer, 'process'>): number {
	const root = server.process.pid!;
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
			// fields[1] is the parent; utime and stime are in clock ticks of 10 ms
			if (Number(entry) === root || Number(fields[1]) === root) total += (Number(fields[11]) + Number(fields[12])) * 10;
		} catch {
			// the process ended while we looked
		}
	}
	return total;
}

/**
 * The snapshot's server started as `npm start` starts it, with LEERKOMPAS_WORKERS honoured: index.js becomes
 * a wrapper that forks the workers (scripts/workers.js) or runs the server itself.
 */
function withWorkers(dir: string) {
	renameSync(join(dir, 'index.js'), join(dir, 'server.js'));
	const workers = pathToFileURL(resolve('scripts/workers.js')).href;
	writeFileSync(
		join(dir, 'index.js'),
		`import cluster from 'node:cluster';\nimport { endWithTheServer, runWorkers, workerCount } from ${JSON.stringify(workers)};\nconst n = workerCount(process.env.LEERKOMPAS_WORKERS);\nif (cluster.isPrimary && n > 1) runWorkers(n);\nelse {\n\tendWithTheServer();\n\tawait import('./server.js');\n}\n`
	);
}

export interface BaselineResult {
	connections: number;
	responsesPerSecond: number;
	p50: number;
	p99: number;
	errors: number;
	/** CPU time of the baseline's process per post, in ms: what a post costs without a framework or checks. */
	cpuPerRequest: number;
}

/** The naive baseline (bench/naive-server.ts) on the same database, storing into its own round. */
async function naiveBaseline(databaseUrl: string, roundId: string, connections: number): Promise<BaselineResult> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', 'bench/naive-server.ts'], {
		env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LEERKOMPAS_BASELINE_ROUND: roundId, NODE_OPTIONS: NODE_FLAGS },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	try {
		await new Promise<void>((ok, fail) => {
			child.stdout!.once('data', () => ok());
			child.once('exit', (code) => fail(new Error(`the naive baseline stopped (${code})`)));
		});
		const base = `http://127.0.0.1:${port}`;
		const fields = Object.assign({}, ...completeAnswers('Wij leren veel van elkaar op de bouwplaats.', 3).map((s) => s.fields)) as Record<string, string>;
		const body = new URLSearchParams(fields).toString();
		const headers = { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'text/html' };
		const post = (req: autocannon.Request) => ({ ...req, headers, body: `${body}&submissionKey=${randomBytes(32).toString('base64url')}` });
		if (WARMUP_SECONDS > 0) await runCannon({ url: base, connections, duration: WARMUP_SECONDS, timeout: 30, requests: [{ method: 'POST', path: '/all', setupRequest: post }] });
		let stored = 0;
		const cpuBefore = cpuMilliseconds({ process: child });
		const result = await runCannon({
			url: base,
			connections,
			duration: SECONDS,
			timeout: 30,
			requests: [
				{
					method: 'POST',
					path: '/all',
					setupRequest: post,
					onResponse: (status: number) => {
						if (status === 303) stored++;
					}
				}
			]
		});
		const cpuPerRequest = (cpuMilliseconds({ process: child }) - cpuBefore) / Math.max(1, result.requests.total);
		console.log(`  naive baseline ${connections} connections (load average ${loadavg()[0]!.toFixed(1)}): ${(stored / SECONDS).toFixed(1)} responses/s, p99 ${result.latency.p99} ms, ${cpuPerRequest.toFixed(2)} ms CPU per post`);
		return { connections, responsesPerSecond: stored / SECONDS, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + (result.requests.total - stored), cpuPerRequest };
	} finally {
		child.kill('SIGTERM');
	}
}

export interface DatabaseRun {
	database: 'PGlite (embedded)' | 'PostgreSQL';
	levels: LevelResult[];
	/** Resident memory right after start on the existing database, and the most it reached under load. */
	startMemoryBytes: number | null;
	peakMemoryBytes: number | null;
	/** The first start, which also creates the database. */
	firstStartPeakMemoryBytes: number | null;
	/** PostgreSQL only: the naive baseline in the same run. */
	baseline: BaselineResult | null;
	/** Load average (1 minute) at the end of each measured level, in order. */
	loadAverages: number[];
}

export async function surveyLoad(kind: 'pglite' | 'postgres', postgresUrl?: string): Promise<DatabaseRun> {
	const build = snapshotBuild();
	withWorkers(build.dir);
	// '' rather than undefined: the embedded run must not fall back to TEST_DATABASE_URL.
	const database = await scratchDatabase(`bench-${kind}`, kind === 'postgres' ? postgresUrl : '');
	let server: RunningServer | undefined;
	try {
		const setup = await startServer(database, undefined, SERVER_ENV, build.dir);
		const runs: { flow: LevelResult['flow']; connections: number }[] = [
			...LEVELS.map((connections) => ({ flow: 'one page' as const, connections })),
			{ flow: 'screens', connections: PHONE_FLOW_CONNECTIONS },
			...(kind === 'postgres' ? [{ flow: `one page, ${WORKERS} workers` as const, connections: COMPARED_CONNECTIONS }] : [])
		];
		// One round per run, so that each run's stored count is read from its own closed round; one more for
		// the naive baseline and one for the warm-ups.
		const owner = await ownerWithRounds(setup.baseUrl, runs.length + 2, 'bench', database.env.LEERKOMPAS_DATA_DIR);
		const warmUpSurvey = owner.rounds[runs.length + 1]!.survey;
		const firstStartPeak = setup.peakMemory();
		await setup.kill('SIGTERM');
		server = await startServer(database, new URL(setup.baseUrl).port ? Number(new URL(setup.baseUrl).port) : undefined, SERVER_ENV, build.dir);
		const startMemory = server.peakMemory();
		const levels: LevelResult[] = [];
		const loadAverages: number[] = [];
		let baseline: BaselineResult | null = null;
		// The one process's peak, read before it makes way for the workers (whose primary is small).
		let singlePeak: number | null = null;
		for (const [index, { flow, connections }] of runs.entries()) {
			const round = owner.rounds[index]!;
			const survey = round.survey;
			if (flow !== 'one page' && flow !== 'screens') {
				// Right before the several workers: the naive baseline, then the server again with LEERKOMPAS_WORKERS.
				baseline = await naiveBaseline(database.env.DATABASE_URL!, owner.rounds[runs.length]!.id, COMPARED_CONNECTIONS);
				const port = Number(new URL(server.baseUrl).port);
				singlePeak = server.peakMemory();
				await server.kill('SIGTERM');
				server = await startServer(database, port, { ...SERVER_ENV, LEERKOMPAS_WORKERS: String(WORKERS) }, build.dir);
			}
			if (WARMUP_SECONDS > 0) await onePageSubmissions(server, warmUpSurvey, connections, WARMUP_SECONDS);
			const cpuBefore = cpuMilliseconds(server);
			const { result, thanked, refused, submissionTimes } =
				flow === 'screens' ? await screenSubmissions(server, survey, connections) : await onePageSubmissions(server, survey, connections);
			const serverCpuPerRequest = (cpuMilliseconds(server) - cpuBefore) / Math.max(1, result.requests.total);
			const stored = await storedIn(owner, round);
			levels.push({
				flow,
				connections,
				requestsPerSecond: result.requests.average,
				submissionsPerSecond: thanked / SECONDS,
				requestP50: result.latency.p50,
				requestP99: result.latency.p99,
				submissionP50: submissionTimes ? percentile(submissionTimes, 50) : result.latency.p50,
				submissionP99: submissionTimes ? percentile(submissionTimes, 99) : result.latency.p99,
				refused,
				errors: result.errors + result.timeouts,
				stored,
				serverCpuPerRequest
			});
			loadAverages.push(loadavg()[0]!);
			console.log(
				`  ${kind} ${flow} ${connections} connections (load average ${loadavg()[0]!.toFixed(1)}): ${(thanked / SECONDS).toFixed(1)} submissions/s, ${result.requests.average.toFixed(0)} requests/s, p99 ${result.latency.p99} ms`
			);
		}
		return {
			database: kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL',
			levels,
			startMemoryBytes: startMemory,
			peakMemoryBytes: singlePeak ?? server.peakMemory(),
			firstStartPeakMemoryBytes: firstStartPeak,
			baseline,
			loadAverages
		};
	} finally {
		await server?.kill('SIGTERM');
		await database.drop();
		build.remove();
	}
}

export function printSurveyLoad(ceilings: CeilingResult[], runs: DatabaseRun[]): string {
	const lines: string[] = [];
	const ms = (n: number | null) => (n === null ? '-' : `${n.toFixed(0)} ms`);
	lines.push(`Ceiling: bare Node http server answering 204 (${SECONDS} s per level)`);
	lines.push('| connections | requests/s | p50 | p99 |', '|---:|---:|---:|---:|');
	for (const c of ceilings) lines.push(`| ${c.connections} | ${c.requestsPerSecond.toFixed(0)} | ${ms(c.p50)} | ${ms(c.p99)} |`);
	const mb = (n: number | null) => (n === null ? 'unknown' : `${(n / 1024 / 1024).toFixed(0)} MB`);
	for (const run of runs) {
		lines.push('', `Survey submissions to one round, ${run.database}, ${SECONDS} s per level`);
		lines.push(
			'| flow | connections | submissions/s | stored | requests/s | ratio to ceiling (requests) | request p50 | request p99 | submission p50 | submission p99 | server CPU per request | refused | errors |',
			'|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
		);
		for (const l of run.levels) {
			const top = ceilings.find((c) => c.connections === l.connections);
			const ratio = top ? `${((100 * l.requestsPerSecond) / top.requestsPerSecond).toFixed(1)}%` : '-';
			lines.push(
				`| ${l.flow} | ${l.connections} | ${l.submissionsPerSecond.toFixed(1)} | ${l.stored} | ${l.requestsPerSecond.toFixed(0)} | ${ratio} | ${ms(l.requestP50)} | ${ms(l.requestP99)} | ${ms(l.submissionP50)} | ${ms(l.submissionP99)} | ${l.serverCpuPerRequest.toFixed(2)} ms | ${l.refused} | ${l.errors} |`
			);
		}
		lines.push(`Server memory (resident, one process): ${mb(run.startMemoryBytes)} after start, peak ${mb(run.peakMemoryBytes)} under load; the first start, which creates the database, peaked at ${mb(run.firstStartPeakMemoryBytes)}`);
		lines.push(`Load average (1 min) after each level: ${run.loadAverages.map((l) => l.toFixed(1)).join(', ')}`);
		const b = run.baseline;
		const top = ceilings.find((c) => c.connections === COMPARED_CONNECTIONS);
		if (b) {
			lines.push(
				'',
				`At ${COMPARED_CONNECTIONS} connections, ${run.database}, in the same run: Leerkompas (one page) as ratios to the naive baseline (${b.responsesPerSecond.toFixed(0)} responses/s, p50 ${ms(b.p50)}, p99 ${ms(b.p99)}, ${b.cpuPerRequest.toFixed(2)} ms CPU per post, ${b.errors} errors) and to the bare server`
			);
			lines.push('| workers | submissions/s | × baseline throughput (target ≥ 2) | p99 | p99 ÷ baseline p99 (target ≤ 1) | × bare server requests/s | CPU per post ÷ baseline\'s |', '|---:|---:|---:|---:|---:|---:|---:|');
			for (const l of run.levels.filter((l) => l.connections === COMPARED_CONNECTIONS && l.flow !== 'screens')) {
				const workers = l.flow === 'one page' ? 1 : WORKERS;
				const bare = top ? (l.requestsPerSecond / top.requestsPerSecond).toFixed(3) : '-';
				lines.push(
					`| ${workers} | ${l.submissionsPerSecond.toFixed(0)} | ${(l.submissionsPerSecond / b.responsesPerSecond).toFixed(2)} | ${ms(l.requestP99)} | ${(l.requestP99 / b.p99).toFixed(2)} | ${bare} | ${(l.serverCpuPerRequest / b.cpuPerRequest).toFixed(2)} |`
				);
			}
		}
	}
	return lines.join('\n');
}

export async function runSurveyLoad(): Promise<string> {
	const ceilings: CeilingResult[] = [];
	for (const connections of LEVELS) ceilings.push(await ceiling(connections));
	const runs = process.env.LEERKOMPAS_BENCH_PGLITE === '0' ? [] : [await surveyLoad('pglite')];
	const postgresUrl = process.env.LEERKOMPAS_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (postgresUrl) runs.push(await surveyLoad('postgres', postgresUrl));
	else console.log('  (PostgreSQL left out: set LEERKOMPAS_BENCH_DATABASE_URL or TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)');
	return printSurveyLoad(ceilings, runs);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const text = await runSurveyLoad();
	console.log(`\n${text}`);
	if (process.env.LEERKOMPAS_BENCH_OUT) writeFileSync(process.env.LEERKOMPAS_BENCH_OUT, text);
}
