// Search in the published entries, in Dutch, on both databases. PostgreSQL's `dutch` text search finds other
// forms of a word ("opleidingen" finds "opleiding"); trigram similarity on title and keywords forgives typing
// mistakes ("leerambasadeur") and finds a part of a compound that the stemmer leaves whole. The filters and the
// counts per filter value follow the rules of domain/knowledge/filters.ts, written here as SQL so the database
// counts (one pass with `count(*) filter (…)` per value) and only the page shown leaves it; a test holds the
// two to the same answers.
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { FILTER_NAMES, FILTER_VALUES, type EntryFilters, type FacetCounts, type FilterName } from '../../domain/knowledge/filters';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { rowsOf } from '../db/raw-rows';

export interface SearchHit {
	slug: string;
	title: string;
	summary: string;
	summaryEn: string;
	kind: string;
	aspects: string[];
	worries: string[];
	/** Empty: every sector. */
	sectors: string[];
	sizes: string[];
	cost: string;
	evidence: string;
	/** Higher is a better match; 0 when there were no words. */
	score: number;
}

export interface SearchResult {
	/** The best matches first: the page asked for, or every match without a limit. */
	hits: SearchHit[];
	/** How many entries match the words and the filters, on all pages together. */
	total: number;
	/** Per filter value, how many results choosing it gives. */
	facets: FacetCounts;
}

export interface SearchPage {
	/** How many hits to return; every match when left out. */
	limit?: number;
	offset?: number;
}

const v = knowledgeEntryVersion;

// The rows of the raw queries below, checked rather than trusted (the two drivers give the same shapes).
const hitRowSchema = z.object({
	slug: z.string(),
	title: z.string(),
	summary: z.string(),
	summaryEn: z.string(),
	kind: z.string(),
	aspects: z.array(z.string()),
	worries: z.array(z.string()),
	sectors: z.array(z.string()),
	sizes: z.array(z.string()),
	cost: z.string(),
	evidence: z.string(),
	score: z.coerce.number()
});
const countsRowSchema = z.record(z.string(), z.coerce.number());

/** The rule of one filter value (domain/knowledge/filters.ts, matchesOne) as a condition on the entry's `fact`. */
function matchesOne(name: FilterName, value: string, fact: SQL): SQL {
	switch (name) {
		case 'aspect':
		case 'worry':
		case 'size':
			return sql`${value} = any(${fact})`;
		case 'sector':
			// No sectors named: the entry suits every sector.
			return sql`(cardinality(${fact}) = 0 or ${value} = any(${fact}))`;
		case 'kind':
		case 'cost':
		case 'evidence':
			return sql`${fact} = ${value}`;
	}
}

/** Every filter given, except the one named in `ignoring` (matchesFilters). */
function matchesFilters(filters: EntryFilters, one: (name: FilterName, value: string) => SQL, ignoring?: FilterName): SQL {
	const conditions = FILTER_NAMES.flatMap((name) => {
		const value = filters[name];
		return name === ignoring || value === undefined ? [] : [one(name, value)];
	});
	return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

export async function searchEntries(db: Database, query: string, filters: EntryFilters = {}, page: SearchPage = {}): Promise<SearchResult> {
	const words = query.trim();
	const tsquery = sql`websearch_to_tsquery('dutch', ${words})`;
	const lowered = sql`lower(${words})`;
	// The published versions that match the words, found first and on their own. Each condition is its own query
	// joined by UNION, so each uses its GIN index: joined by OR, PGlite's planner reads every version instead
	// (a fifth of the CPU time for a word with a hundred matches).
	const matching = words
		? sql`${v.id} in (select id from knowledge_entry_version where search_vector @@ ${tsquery} union select id from knowledge_entry_version where ${lowered} <% name_text)`
		: sql`true`;
	// Ranked by where the words are: title and keywords first, then the summary (rank_vector), plus how close the
	// title and keywords come to the words as typed; an entry that has the words in its body only comes after.
	// Worked out only for the matches that pass the filters (on PGlite word_similarity costs about 20 ms of CPU per
	// thousand entries), on the version "t" the page reads its summary from.
	const score = words ? sql`(ts_rank_cd(t.rank_vector, ${tsquery}, 32) + word_similarity(${lowered}, t.name_text))::float8` : sql`0::float8`;
	// The matches' facts (no text but the title) are read once, into "m"; the counts and the page are both taken
	// from them, and only the page's entries fetch their summaries.
	const m = sql.identifier('m');
	const col = (name: string) => sql`${m}.${sql.identifier(name)}`;
	const facts: Record<FilterName, SQL> = {
		aspect: col('aspects'),
		worry: col('worries'),
		kind: col('kind'),
		sector: col('sectors'),
		size: col('sizes'),
		cost: col('cost'),
		evidence: col('evidence')
	};
	const one = (name: FilterName, value: string) => matchesOne(name, value, facts[name]);
	const all = (ignoring?: FilterName) => matchesFilters(filters, one, ignoring);
	// One pass over the matches: the total and, per filter value, the matches with every *other* filter and that value.
	const cells = FILTER_NAMES.flatMap((name) => FILTER_VALUES[name].map((value) => ({ name, value })));
	const counted = sql.join(
		[
			sql`count(*) filter (where ${all()})::int as "total"`,
			...cells.map((c, i) => sql`count(*) filter (where ${all(c.name)} and ${one(c.name, c.value)})::int as ${sql.identifier(`c${i}`)}`)
		],
		sql`, `
	);
	const limit = page.limit === undefined ? sql`` : sql` limit ${page.limit}`;
	const offset = page.offset ? sql` offset ${page.offset}` : sql``;
	const [row] = await rowsOf(
		db,
		sql`with ${m} as materialized (
				select ${v.id} as "id", ${knowledgeEntry.slug} as "slug", ${v.title} as "title", ${v.kind} as "kind", ${v.aspects} as "aspects", ${v.worries} as "worries", ${v.sectors} as "sectors", ${v.sizes} as "sizes",
					${v.cost} as "cost", ${v.evidence} as "evidence"
				from ${knowledgeEntry} inner join ${v} on ${v.id} = ${knowledgeEntry.publishedVersionId}
				where ${matching}
			)
			select ${counted},
				(select coalesce(json_agg(p), '[]'::json) from (
					select ${m}."slug", ${m}."title", t.summary as "summary", t.summary_en as "summaryEn", ${m}."kind", ${m}."aspects", ${m}."worries",
						${m}."sectors", ${m}."sizes", ${m}."cost", ${m}."evidence", ${score} as "score"
					from ${m} inner join knowledge_entry_version t on t.id = ${m}."id"
					where ${all()} order by "score" desc, ${m}."title" asc, ${m}."slug" asc${limit}${offset}) p) as "hits"
			from ${m}`
	);
	const { hits, ...counts } = row ?? {};
	const numbers = countsRowSchema.parse(counts);
	const facets = Object.fromEntries(FILTER_NAMES.map((name) => [name, {} as Record<string, number>])) as Record<FilterName, Record<string, number>>;
	cells.forEach((c, i) => (facets[c.name][c.value] = numbers[`c${i}`] ?? 0));
	// Some drivers hand json over as text.
	const list: unknown = typeof hits === 'string' ? JSON.parse(hits) : (hits ?? []);
	return { hits: z.array(hitRowSchema).parse(list), total: numbers.total ?? 0, facets: facets as FacetCounts };
}
