// Search in the published entries, in Dutch, on both databases. PostgreSQL's `dutch` text search finds other
// forms of a word ("opleidingen" finds "opleiding"); trigram similarity on title and keywords forgives typing
// mistakes ("leerambasadeur") and finds a part of a compound that the stemmer leaves whole. The filters and the
// counts per filter value are applied to the matches by the rules in domain/knowledge/filters.ts.
import { asc, desc, eq, sql } from 'drizzle-orm';
import { facetCounts, matchesFilters, type EntryFilters, type FacetCounts } from '../../domain/knowledge/filters';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';

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
	hits: SearchHit[];
	/** Per filter value, how many results choosing it gives. */
	facets: FacetCounts;
}

export async function searchEntries(db: Database, query: string, filters: EntryFilters = {}): Promise<SearchResult> {
	const words = query.trim();
	const v = knowledgeEntryVersion;
	const tsquery = sql`websearch_to_tsquery('dutch', ${words})`;
	const lowered = sql`lower(${words})`;
	// Ranked by where the words are: title and keywords first, then the summary (rank_vector), plus how close the
	// title and keywords come to the words as typed; an entry that has the words in its body only comes after.
	const score = words ? sql<number>`(ts_rank_cd(${v.rankVector}, ${tsquery}, 32) + word_similarity(${lowered}, ${v.nameText}))::float8` : sql<number>`0::float8`;
	const rows = await db
		.select({
			slug: knowledgeEntry.slug,
			title: v.title,
			summary: v.summary,
			summaryEn: v.summaryEn,
			kind: v.kind,
			aspects: v.aspects,
			worries: v.worries,
			sectors: v.sectors,
			sizes: v.sizes,
			cost: v.cost,
			evidence: v.evidence,
			score
		})
		.from(knowledgeEntry)
		.innerJoin(v, eq(v.id, knowledgeEntry.publishedVersionId))
		// The matching versions are found first, on their own (OFFSET 0 keeps the planner from merging the subquery
		// into the join): alone, it picks the two GIN indexes; merged, it reads every version's long text instead.
		.where(
			words
				? sql`${v.id} in (select id from knowledge_entry_version where search_vector @@ ${tsquery} or ${lowered} <% name_text offset 0)`
				: undefined
		)
		.orderBy(desc(score), asc(v.title));
	const matches = rows.map((r) => ({ ...r, score: Number(r.score) }));
	return { hits: matches.filter((m) => matchesFilters(m, filters)), facets: facetCounts(matches, filters) };
}
