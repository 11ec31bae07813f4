// What the session offers when the team chooses actions, in this order: the report's own recommendations
// (with the reason the report gives), then the knowledge base (entries on the aspects to grow, or what the
// team searched for), then an action of their own.
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { ShownRecommendation } from '../recommendations/report-recommendations';

export interface SuggestedEntry {
	slug: string;
	title: string;
	summary: string;
	aspects: string[];
}

/** A recommendation of the report as the session offers it: the entry and the report's reason sentence. */
export interface RecommendedEntry extends SuggestedEntry {
	reason: string;
}

const SHOWN = 5;

/** Entries on the given aspects first (in the aspects' order), then nothing else: a short list to choose from. */
export function sessionSuggestions(entries: readonly KnowledgeEntry[], aspectIds: readonly string[], locale: 'nl' | 'en'): SuggestedEntry[] {
	const rank = (e: KnowledgeEntry) => Math.min(...e.aspects.map((a) => (aspectIds.includes(a) ? aspectIds.indexOf(a) : Number.POSITIVE_INFINITY)));
	return entries
		.filter((e) => Number.isFinite(rank(e)))
		.sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'nl'))
		.slice(0, SHOWN)
		.map((e) => ({ slug: e.slug, title: e.title, summary: locale === 'nl' ? e.summary : e.summaryEn, aspects: [...e.aspects] }));
}

/** The report's recommendations in the report's order, as entries to agree on. */
export function recommendedEntries(recommendations: readonly ShownRecommendation[]): RecommendedEntry[] {
	return recommendations.map((r) => ({ slug: r.entry, title: r.title, summary: r.summary, reason: r.reason, aspects: [...r.aspects] }));
}
