// Knowledge-base search over 1,000 published entries: the time of one search (words, typing mistakes, filters,
// and the counts per filter value) on PGlite, and on PostgreSQL when LEERKOMPAS_BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) is set. Target: p95 under 50 ms. Prints median and p95 per kind of search; asserts nothing.
//
//   npx tsx bench/knowledge-search.ts
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database, type DatabaseHandle } from '../src/lib/server/db/client';
import { ASPECT_IDS, COST_BANDS, ENTRY_KINDS, EVIDENCE_LEVELS, SIZE_FITS, WORRIES, type KnowledgeEntry } from '../src/lib/domain/knowledge/entry';
import type { EntryFilters } from '../src/lib/domain/knowledge/filters';
import { SECTORS } from '../src/lib/domain/firm/attributes';
import { addVersion } from '../src/lib/server/knowledge/entry-rows';
import { searchEntries } from '../src/lib/server/knowledge/search-entries';
import { createTestPostgres } from '../tests/helpers/database';

const ENTRIES = 1000;
const REPEATS = 30;

const WORDS = ['leren', 'opleiding', 'collega', 'vakmanschap', 'inwerken', 'werkplaats', 'begeleiding', 'leermeester', 'leerambassadeur', 'ontwikkelgesprek', 'cursus', 'fouten', 'klanten', 'leveranciers', 'subsidie', 'kennisdeling', 'werkoverleg', 'praktijk', 'training', 'stage', 'vergrijzing', 'nieuwe', 'medewerkers', 'teamleider', 'planning', 'ervaring', 'gesprek', 'vaardigheden', 'scholing', 'loopbaan'];

/** A deterministic pseudo-random sequence, so every run searches the same entries. */
function random(seed: number) {
	let s = seed;
	return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function generated(i: number): KnowledgeEntry {
	const r = random(i + 1);
	const pick = <T>(items: readonly T[]) => items[Math.floor(r() * items.length)]!;
	const some = <T>(items: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(r() * max) }, () => pick(items)))];
	const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	return {
		slug: `stuk-${i}`,
		title: `${pick(WORDS)} en ${pick(WORDS)} ${i}`,
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
		keywords: some(WORDS, 4),
		sources: [{ title: 'Benchmark', url: 'https://example.org/bench' }],
		body: Array.from({ length: 12 }, () => `${sentence(14)}.`).join('\n\n')
	};
}

const SEARCHES: { label: string; query: string; filters?: EntryFilters }[] = [
	{ label: 'everything, no words', query: '' },
	{ label: 'one word (stemmed)', query: 'opleidingen' },
	{ label: 'two words', query: 'collega begeleiding' },
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
}

async function measure(handle: DatabaseHandle): Promise<string[]> {
	const start = performance.now();
	await fill(handle.db);
	const lines = [`  ${handle.kind}: ${ENTRIES} entries written in ${((performance.now() - start) / 1000).toFixed(1)} s`];
	const all: number[] = [];
	for (const search of SEARCHES) {
		for (let i = 0; i < 3; i++) await searchEntries(handle.db, search.query, search.filters);
		const times: number[] = [];
		let hits = 0;
		for (let i = 0; i < REPEATS; i++) {
			const t = performance.now();
			hits = (await searchEntries(handle.db, search.query, search.filters)).hits.length;
			times.push(performance.now() - t);
		}
		all.push(...times);
		lines.push(`    ${search.label.padEnd(24)} ${String(hits).padStart(5)} hits   median ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`);
	}
	lines.push(`    ${'all searches'.padEnd(24)}             median ${percentile(all, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(all, 95).toFixed(1).padStart(6)} ms   (target: p95 under 50 ms)`);
	return lines;
}

/** The benchmark's figures as text; run-all.ts prints them with the others. */
export async function runKnowledgeSearch(): Promise<string> {
	const lines = [`Knowledge-base search, ${ENTRIES} published entries, ${REPEATS} runs per search after 3 warm-up runs:`];
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
