// Scale: does opening one firm's report and the owner's overview stay fast when the platform holds 5,000
// firms and 100,000 responses? Two databases are filled (bench/scale-fill.ts): one with only the measured
// firm, one with the same firm among the crowd. The built server runs on each, both at once, and the
// owner's pages are fetched from both in turn (so both see the same load on a shared machine): the firm
// page, the round page, the report page (HTML), its JSON and its PDF. Prints median and p95 per page and
// the ratio full / empty against the target of at most 2×. Asserts nothing.
//
//   npx tsx bench/scale.ts              PGlite, plus PostgreSQL when LEERKOMPAS_BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set
//   LEERKOMPAS_BENCH_SCALE_FIRMS=5000 LEERKOMPAS_BENCH_SCALE_RESPONSES=100000 LEERKOMPAS_BENCH_SCALE_REPEATS=30
//   LEERKOMPAS_BENCH_SCALE_EXPLAIN=1    also prints the query plans (EXPLAIN ANALYZE) of the pages' queries on the full database
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db/client';
import { dayOf } from '../src/lib/server/clock';
import { Browser, scratchDatabase, snapshotBuild, startServer, type RunningServer, type ScratchDatabase } from '../tests/faults/support';
import { fillScaleDatabase, rowCounts, type MeasuredFirm, type RowCounts, type ScaleSize } from './scale-fill';
import { explainPageQueries } from './scale-explain';

const size: ScaleSize = {
	firms: Number(process.env.LEERKOMPAS_BENCH_SCALE_FIRMS ?? 5000),
	responses: Number(process.env.LEERKOMPAS_BENCH_SCALE_RESPONSES ?? 100_000)
};
const REPEATS = Number(process.env.LEERKOMPAS_BENCH_SCALE_REPEATS ?? 30);
const WARM_UP = 3;
const EXPLAIN = process.env.LEERKOMPAS_BENCH_SCALE_EXPLAIN === '1';

interface Page {
	label: string;
	path: string;
	type: string;
}

function pagesOf(firm: MeasuredFirm): Page[] {
	const round = `/firms/${firm.slug}/rounds/${firm.roundId}`;
	return [
		{ label: 'my firms (/firms)', path: '/firms', type: 'text/html' },
		{ label: 'firm overview (/firms/[slug])', path: `/firms/${firm.slug}`, type: 'text/html' },
		{ label: 'round page', path: round, type: 'text/html' },
		{ label: 'report page (HTML)', path: `${round}/report`, type: 'text/html' },
		{ label: 'report JSON', path: `${round}/report/report.json`, type: 'application/json' },
		{ label: 'report PDF', path: `${round}/report/report.pdf`, type: 'application/pdf' }
	];
}

interface Side {
	name: 'empty' | 'full';
	database: ScratchDatabase;
	firm: MeasuredFirm;
	fillSeconds: number;
	counts: RowCounts;
	server?: RunningServer;
	browser?: Browser;
	times: Map<string, number[]>;
}

async function fill(name: Side['name'], kind: 'pglite' | 'postgres', postgresUrl: string): Promise<Side> {
	// '' and not undefined: scratchDatabase falls back to TEST_DATABASE_URL for an undefined URL.
	const database = await scratchDatabase(`bench-scale-${kind}-${name}`, kind === 'postgres' ? postgresUrl : '');
	const handle = await openDatabase(database.target);
	try {
		const start = performance.now();
		const firm = await fillScaleDatabase(handle.db, name === 'full' ? size : null, dayOf());
		// A PostgreSQL server with autovacuum on (the default) analyses tables this freshly filled within a
		// minute or so, possibly in the middle of the measurement; doing it now keeps runs alike, also on a
		// server that has autovacuum off. PGlite runs no autovacuum at all (one process), so there the planner
		// works without statistics, as it does in every PGlite installation.
		if (kind === 'postgres') await handle.db.execute(sql`analyze`);
		const fillSeconds = (performance.now() - start) / 1000;
		return { name, database, firm, fillSeconds, counts: await rowCounts(handle.db), times: new Map() };
	} finally {
		await handle.close();
	}
}

async function signIn(side: Side) {
	side.server = await startServer(side.database, undefined, {}, buildDir);
	side.browser = new Browser(side.server.baseUrl);
	const res = await side.browser.post('/login?/password', { email: side.firm.email, password: side.firm.password });
	await res.arrayBuffer();
	if (res.status !== 303) throw new Error(`signing in on the ${side.name} database answered ${res.status}`);
}

async function fetchTimed(side: Side, label: string): Promise<number> {
	// The same page on each side; only the round's id differs between the two databases.
	const page = pagesOf(side.firm).find((p) => p.label === label)!;
	const start = performance.now();
	const res = await side.browser!.get(page.path);
	const body = await res.arrayBuffer();
	const elapsed = performance.now() - start;
	const type = res.headers.get('content-type') ?? '';
	if (res.status !== 200 || !type.startsWith(page.type) || body.byteLength === 0) {
		throw new Error(`${page.path} on the ${side.name} database answered ${res.status} ${type}`);
	}
	return elapsed;
}

function quantile(values: readonly number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (n: number) => (n < 10 ? `${n.toFixed(1)} ms` : `${Math.round(n)} ms`);

let buildDir = 'build';

async function runOn(kind: 'pglite' | 'postgres', postgresUrl: string): Promise<string> {
	const sides: Side[] = [];
	try {
		console.log(`  ${kind}: filling the empty database (the measured firm only)…`);
		sides.push(await fill('empty', kind, postgresUrl));
		console.log(`  ${kind}: filling the full database (${size.firms} firms, ${size.responses} responses)…`);
		sides.push(await fill('full', kind, postgresUrl));
		const [empty, full] = sides as [Side, Side];
		console.log(`  ${kind}: filled in ${full.fillSeconds.toFixed(1)} s; measuring ${REPEATS} rounds of requests…`);
		for (const side of sides) await signIn(side);

		const pages = pagesOf(empty.firm).map((page) => page.label);
		const loadBefore = loadavg()[0]!;
		// Warm-up: the first request of each page publishes nothing new (the reports were published while
		// filling) but compiles code paths and fills the chart cache, the same on both servers.
		for (let i = 0; i < WARM_UP; i++) for (const label of pages) for (const side of sides) await fetchTimed(side, label);
		for (let i = 0; i < REPEATS; i++) {
			// Alternate which server goes first, so neither is always the one right after a busy moment.
			const order = i % 2 === 0 ? sides : [...sides].reverse();
			for (const label of pages) {
				for (const side of order) {
					const list = side.times.get(label) ?? [];
					list.push(await fetchTimed(side, label));
					side.times.set(label, list);
				}
			}
		}
		const loadAfter = loadavg()[0]!;
		for (const side of sides) await side.server?.kill('SIGTERM');

		const lines = [
			`Scale (${kind}): the measured firm alone ("empty") and among ${(full.counts.firm ?? 1) - 1} other firms ("full")`,
			`Filling the full database took ${full.fillSeconds.toFixed(1)} s (the empty one ${empty.fillSeconds.toFixed(1)} s). Rows in the full database: ${Object.entries(full.counts)
				.map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
				.join(', ')}.`,
			`Signed in as the measured firm's owner; its open round has 25 employee responses. ${REPEATS} requests per page and database after ${WARM_UP} warm-up rounds, fetched one at a time, the two servers in turn. Load average (1 min) ${loadBefore.toFixed(1)} before and ${loadAfter.toFixed(1)} after the requests.`,
			'',
			'| page | empty median | empty p95 | full median | full p95 | ratio (median) | ratio (p95) | ≤ 2× |',
			'|---|---:|---:|---:|---:|---:|---:|---|'
		];
		let met = true;
		for (const label of pages) {
			const e = empty.times.get(label) ?? [];
			const f = full.times.get(label) ?? [];
			const ratio = quantile(f, 0.5) / quantile(e, 0.5);
			const ratio95 = quantile(f, 0.95) / quantile(e, 0.95);
			met &&= ratio <= 2;
			lines.push(`| ${label} | ${ms(quantile(e, 0.5))} | ${ms(quantile(e, 0.95))} | ${ms(quantile(f, 0.5))} | ${ms(quantile(f, 0.95))} | ${ratio.toFixed(2)} | ${ratio95.toFixed(2)} | ${ratio <= 2 ? 'yes' : '**no**'} |`);
		}
		lines.push('', `Target (full within twice the empty time, by the median): ${met ? 'met' : '**not met**'} on ${kind}.`);
		if (EXPLAIN) {
			const handle = await openDatabase(full.database.target);
			try {
				lines.push('', await explainPageQueries(handle.db as Database, full.firm));
			} finally {
				await handle.close();
			}
		}
		return lines.join('\n');
	} finally {
		for (const side of sides) {
			await side.server?.kill('SIGTERM');
			await side.database.drop();
		}
	}
}

export async function runScale(): Promise<string> {
	const build = snapshotBuild();
	buildDir = build.dir;
	try {
		const parts = [await runOn('pglite', '')];
		const postgresUrl = process.env.LEERKOMPAS_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
		if (postgresUrl) parts.push(await runOn('postgres', postgresUrl));
		else console.log('  (PostgreSQL left out: set LEERKOMPAS_BENCH_DATABASE_URL or TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)');
		return parts.join('\n\n');
	} finally {
		build.remove();
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const text = await runScale();
	console.log(`\n${text}`);
	if (process.env.LEERKOMPAS_BENCH_OUT) writeFileSync(process.env.LEERKOMPAS_BENCH_OUT, text);
}
