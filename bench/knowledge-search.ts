// Knowledge-base search over 1,000 published entries: the time of one search as /knowledge makes it (words, typing
// mistakes, filters, the counts per filter value and the first 50 hits) on PGlite, and on PostgreSQL when
// LEERKOMPAS_BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set. Target: p95 under 50 ms. Prints median and p95 per kind of search; asserts nothing.
//
//   npx tsx bench/knowledge-search.ts
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db/client';
import { ASPECT_IDS, COST_BANDS, ENTRY_KINDS, EVIDENCE_LEVELS, SIZE_FITS, WORRIES, type KnowledgeEntry } from '../src/lib/domain/knowledge/entry';
import type { EntryFilters } from '../src/lib/domain/knowledge/filters';
import { SECTORS } from '../src/lib/domain/firm/attributes';
import { addVersion } from '../src/lib/server/knowledge/entry-rows';
import { searchEntries } from '../src/lib/server/knowledge/search-entries';
import { createTestPostgres } from '../tests/helpers/database';

const ENTRIES = 1000;
const REPEATS = 30;
/** The page /knowledge shows: the counts cover every match, the hits are the best 50. */
const PAGE = { limit: 50 };

// Common words that many entries share, and a larger vocabulary of topic words (stems with Dutch endings) that
// each entry draws from its own part of: a real knowledge base has a few words in every entry and most words in
// a few. Every entry containing every word would make each search return all 1,000.
const COMMON = ['leren', 'collega', 'team', 'werk', 'medewerkers', 'samen', 'tijd', 'bedrijf'];
const STEMS = ['opleid', 'vakmanschap', 'inwerk', 'werkplaats', 'begeleid', 'leermeester', 'leerambassadeur', 'ontwikkelgesprek', 'cursus', 'fout', 'klant', 'leverancier', 'subsidie', 'kennisdel', 'werkoverleg', 'praktijk', 'training', 'stage', 'vergrijz', 'teamleider', 'planning', 'ervaring', 'gesprek', 'vaardighed', 'scholing', 'loopbaan', 'machine', 'veiligheid', 'kwaliteit', 'digitaal', 'software', 'monteur', 'bakker', 'kapper', 'verpleeg', 'chauffeur', 'magazijn', 'keuken', 'bouwplaats', 'installateur'];
const ENDINGS = ['', 'en', 'ing', 'ingen', 'er', 'ers', 'plan', 'dag', 'boek', 'tijd'];

/** A deterministic pseudo-random sequence, so every run searches the same entries. */
function random(seed: number) {
	let s = seed;
	return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function generated(i: number): KnowledgeEntry {
	const r = random(i + 1);
	const pick = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
	const some = <T>(items: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(items)))];
	// Each entry is about a few stems; its text mixes their words with common ones.
	const topic = Array.from({ length: 3 }, () => pick(STEMS)).flatMap((stem) => ENDINGS.map((end) => stem + end));
	const sentence = (n: number) => Array.from({ length: n }, () => (r() < 0.4 ? pick(COMMON) : pick(topic))).join(' ');
	return {
		slug: `stuk-${i}`,
		title: `${pick(topic)} en ${pick(topic)} ${i}`,
		summary: `${sentence(10)}.`,
		summaryEn: 'A generated entry for the benchmark.',
		kind: pick(ENTRY_KINDS),
		aspects: some(ASPECT_IDS, 3),
		worries: some(WORRIES, 2),
		targetGroup: 'het team',
		sizes: some(SIZE_FITS, 3),
		sectors: r() < 0.6 ? 'all' : some(SECTORS, 3),
		evidence: pick(EVIDENCE_LEVELS),
		cost: pick(COST_BANDS),
		time: 'een uur per week',
		helpers: [],
		funding: ['geen'],
		keywords: some(topic, 4),
		sources: [{ title: 'Benchmark', url: 'https://example.org/bench' }],
		body: Array.from({ length: 12 }, () => `${sentence(14)}.`).join('\n\n')
	};
}

const SEARCHES: { label: string; query: string; filters?: EntryFilters }[] = [
	{ label: 'everything, no words', query: '' },
	{ label: 'one word (stemmed)', query: 'opleidingen' },
	{ label: 'two words', query: 'collega begeleiding' },
	{ label: 'a word in most entries', query: 'leren' },
	{ label: 'typing mistake', query: 'leerambasadeur' },
	{ label: 'word and three filters', query: 'leren', filters: { aspect: 'samen', size: '10-49', sector: 'bouw' } },
	{ label: 'no words, two filters', query: '', filters: { kind: 'werkvorm', cost: 'laag' } },
	{ label: 'word found nowhere', query: 'zeilboot' }
];

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function fill(db: Database) {
	await db.transaction(async (tx) => {
		for (let i = 0; i < ENTRIES; i++) await addVersion(tx as unknown as Database, { entry: generated(i), source: 'import' }, true);
	});
	// As loadEntryFiles does after an import (the embedded database has no autovacuum).
	await db.execute(sql`analyze knowledge_entry, knowledge_entry_version`);
}

async function measure(handle: DatabaseHandle): Promise<string[]> {
	const start = performance.now();
	await fill(handle.db);
	const lines = [`  ${handle.kind}: ${ENTRIES} entries written in ${((performance.now() - start) / 1000).toFixed(1)} s`];
	const all: number[] = [];
	// CPU time of this process: on PGlite the database runs in it, so this is the search's own work, steadier than
	// the wall clock when other work shares the machine. On PostgreSQL it leaves out the server's part.
	const cpuAll: number[] = [];
	for (const search of SEARCHES) {
		for (let i = 0; i < 3; i++) await searchEntries(handle.db, search.query, search.filters, PAGE);
		const times: number[] = [];
		const cpu: number[] = [];
		let hits = 0;
		for (let i = 0; i < REPEATS; i++) {
			const t = performance.now();
			const c = process.cpuUsage();
			hits = (await searchEntries(handle.db, search.query, search.filters, PAGE)).total;
			const used = process.cpuUsage(c);
			times.push(performance.now() - t);
			cpu.push((used.user + used.system) / 1000);
		}
		cpuAll.push(...cpu);
		all.push(...times);
		lines.push(`    ${search.label.padEnd(24)} ${String(hits).padStart(5)} hits   median ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms   (CPU here: median ${percentile(cpu, 50).toFixed(1)} ms)`);
	}
	lines.push(`    ${'all searches'.padEnd(24)}             median ${percentile(all, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(all, 95).toFixed(1).padStart(6)} ms   (target: p95 under 50 ms; CPU here: p95 ${percentile(cpuAll, 95).toFixed(1)} ms)`);
	return lines;
}

/** The benchmark's figures as text; run-all.ts prints them with the others. */
export async function runKnowledgeSearch(): Promise<string> {
	const lines = [`Knowledge-base search, ${ENTRIES} published entries, ${REPEATS} runs per search after 3 warm-up runs (load average before: ${loadavg().map((n) => n.toFixed(1)).join(' ')}):`];
	const pglite = await openDatabase({ kind: 'pglite' });
	try {
		lines.push(...(await measure(pglite)));
	} finally {
		await pglite.close();
	}
	const url = process.env.LEERKOMPAS_BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
	if (url) {
		const created = await createTestPostgres(url, 'leerkompas_bench_kb_');
		const postgres = await openDatabase({ kind: 'postgres', url: created.url });
		try {
			lines.push(...(await measure(postgres)));
		} finally {
			await postgres.close();
			await created.drop();
		}
	} else lines.push('  (PostgreSQL left out: set LEERKOMPAS_BENCH_DATABASE_URL or TEST_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)');
	return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await runKnowledgeSearch());
