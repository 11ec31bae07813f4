// What changed between two versions of a knowledge-base entry, for the history an editor reads.
import type { KnowledgeEntry } from './entry';

/** The fields of an entry in the order the editor shows them (slug never changes). */
export const ENTRY_FIELDS = [
	'title',
	'summary',
	'summaryEn',
	'kind',
	'aspects',
	'worries',
	'targetGroup',
	'sizes',
	'sectors',
	'evidence',
	'cost',
	'time',
	'helpers',
	'funding',
	'keywords',
	'sources',
	'body'
] as const satisfies readonly (keyof KnowledgeEntry)[];
export type EntryField = (typeof ENTRY_FIELDS)[number];

/** The fields whose value differs; for the first version (no earlier one) every field is new. */
export function changedFields(earlier: KnowledgeEntry | null, later: KnowledgeEntry): EntryField[] {
	if (!earlier) return [...ENTRY_FIELDS];
	return ENTRY_FIELDS.filter((field) => JSON.stringify(earlier[field]) !== JSON.stringify(later[field]));
}
