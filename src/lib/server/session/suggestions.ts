// Which knowledge-base entries the session offers when the team chooses actions.
// SEAM: once the recommendations helper's domain function lands (report recommendations with their reason),
// the session offers those first; until then it offers the published entries that work on the aspects to grow.
import type { KnowledgeEntry } from '../../domain/knowledge/entry';

export interface SuggestedEntry {
	slug: string;
	title: string;
	summary: string;
	aspects: string[];
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
