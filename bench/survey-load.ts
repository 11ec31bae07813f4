// Survey submissions under load: autocannon sends complete responses (nine screens posted, then the send, as
// a phone without JavaScript does it) to the built server with 10, 100 and 500 connections, on the embedded
// database and on PostgreSQL, and measures a bare Node http server answering 204 as the ceiling.
//
//   npx tsx bench/survey-load.ts            PGlite, plus PostgreSQL when LEERKOMPAS_BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set
//   LEERKOMPAS_BENCH_SECONDS=10             seconds per level (default 10)
//   LEERKOMPAS_BENCH_CONNECTIONS=10,100,500 the levels
//
// Only 127.0.0.1 is contacted. A fresh database is made for each run and removed afterwards.
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { completeAnswers, freePort, ownerWithRounds, scratchDatabase, snapshotBuild, startServer, type RunningServer } from '../tests/faults/support';
import { submissionKeyFor } from '../src/lib/server/scan/survey/keys';

const SECONDS = Number(process.env.LEERKOMPAS_BENCH_SECONDS ?? 10);
const LEVELS = (process.env.LEERKOMPAS_BENCH_CONNECTIONS ?? '10,100,500').split(',').map(Number);
// One round's link takes 2,000 posts per ten minutes (a flood guard, see scan/survey/limits.ts): ten posts per
// response means 200 responses per round. Spreading the load over many rounds measures the server, not the guard.
const ROUNDS = Number(process.env.LEERKOMPAS_BENCH_ROUNDS ?? 150);

export interface LevelResult {
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

interface Respondent {
	survey?: string;
	cookie?: string;
	startedAt?: number;
}

/** Complete responses, each connection one respondent after the other; the loop restarts with a fresh one. */
async function submissions(server: RunningServer, surveys: string[], connections: number, counters: { next: number }) {
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
				context.survey = surveys[counters.next++ % surveys.length];
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
	return { result, thanked, refused, submissionTimes };
}

async function storedCount(owner: Awaited<ReturnType<typeof ownerWithRounds>>): Promise<number> {
	let total = 0;
	for (const round of owner.rounds) {
		const page = await (await owner.owner.get(`/firms/${owner.slug}/rounds/${round.id}`)).text();
		total += Number(page.match(/(\d+) van de \d+ uitgenodigd/)?.[1] ?? Number.NaN);
	}
	return total;
}

export interface DatabaseRun {
	database: 'PGlite (embedded)' | 'PostgreSQL';
	levels: LevelResult[];
	peakMemoryBytes: number | null;
}

export async function surveyLoad(kind: 'pglite' | 'postgres', postgresUrl?: string): Promise<DatabaseRun> {
	const build = snapshotBuild();
	const database = await scratchDatabase(`bench-${kind}`, kind === 'postgres' ? postgresUrl : undefined);
	let server: RunningServer | undefined;
	try {
		server = await startServer(database, undefined, {}, build.dir);
		const owner = await ownerWithRounds(server.baseUrl, ROUNDS, 'bench');
		const surveys = owner.rounds.map((r) => r.survey);
		const counters = { next: 0 };
		const levels: LevelResult[] = [];
		let storedBefore = 0;
		for (const connections of LEVELS) {
			const { result, thanked, refused, submissionTimes } = await submissions(server, surveys, connections, counters);
			const stored = await storedCount(owner);
			levels.push({
				connections,
				requestsPerSecond: result.requests.average,
				submissionsPerSecond: thanked / SECONDS,
				requestP50: result.latency.p50,
				requestP99: result.latency.p99,
				submissionP50: percentile(submissionTimes, 50),
				submissionP99: percentile(submissionTimes, 99),
				refused,
				errors: result.errors + result.timeouts,
				stored: stored - storedBefore
			});
			storedBefore = stored;
			console.log(`  ${kind} ${connections} connections (load average ${loadavg()[0]!.toFixed(1)}): ${(thanked / SECONDS).toFixed(1)} submissions/s, ${result.requests.average.toFixed(0)} requests/s`);
		}
		return { database: kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL', levels, peakMemoryBytes: server.peakMemory() };
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
	for (const run of runs) {
		lines.push('', `Survey submissions, ${run.database}: 10 posts per complete response (9 screens + send), ${SECONDS} s per level`);
		lines.push(
			'| connections | submissions/s | stored | requests/s | ratio to ceiling (requests) | request p50 | request p99 | submission p50 | submission p99 | refused | errors |',
			'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|'
		);
		for (const l of run.levels) {
			const top = ceilings.find((c) => c.connections === l.connections);
			const ratio = top ? `${((100 * l.requestsPerSecond) / top.requestsPerSecond).toFixed(1)}%` : '-';
			lines.push(
				`| ${l.connections} | ${l.submissionsPerSecond.toFixed(1)} | ${l.stored} | ${l.requestsPerSecond.toFixed(0)} | ${ratio} | ${ms(l.requestP50)} | ${ms(l.requestP99)} | ${ms(l.submissionP50)} | ${ms(l.submissionP99)} | ${l.refused} | ${l.errors} |`
			);
		}
		lines.push(`Peak server memory (VmHWM): ${run.peakMemoryBytes === null ? 'unknown' : `${(run.peakMemoryBytes / 1024 / 1024).toFixed(0)} MB`}`);
	}
	return lines.join('\n');
}

export async function runSurveyLoad(): Promise<string> {
	const ceilings: CeilingResult[] = [];
	for (const connections of LEVELS) ceilings.push(await ceiling(connections));
	const runs = [await surveyLoad('pglite')];
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
