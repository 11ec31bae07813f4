// The filters of the knowledge-base search and the number of entries behind each filter value (facets).
// The database finds the entries that match the words; these rules narrow them down, so the web page, the CLI
// and the tests count the same way.
import { SECTORS } from '../firm/attributes';
import { ASPECT_IDS, COST_BANDS, ENTRY_KINDS, EVIDENCE_LEVELS, SIZE_FITS, WORRIES } from './entry';

/** Every filter and its values, in the order the page shows them. */
export const FILTER_VALUES = {
	aspect: ASPECT_IDS,
	worry: WORRIES,
	kind: ENTRY_KINDS,
	sector: SECTORS,
	size: SIZE_FITS,
	cost: COST_BANDS,
	evidence: EVIDENCE_LEVELS
} as const;

export type FilterName = keyof typeof FILTER_VALUES;
export const FILTER_NAMES = Object.keys(FILTER_VALUES) as FilterName[];

/** At most one value per filter; an entry must match every filter given. */
export type EntryFilters = { [K in FilterName]?: (typeof FILTER_VALUES)[K][number] };

/** What the filters look at in an entry. An empty `sectors` list means the entry suits every sector. */
export interface FilterFacts {
	aspects: readonly string[];
	worries: readonly string[];
	kind: string;
	sectors: readonly string[];
	sizes: readonly string[];
	cost: string;
	evidence: string;
}

function matchesOne(facts: FilterFacts, name: FilterName, value: string): boolean {
	switch (name) {
		case 'aspect':
			return facts.aspects.includes(value);
		case 'worry':
			return facts.worries.includes(value);
		case 'kind':
			return facts.kind === value;
		case 'sector':
			return facts.sectors.length === 0 || facts.sectors.includes(value);
		case 'size':
			return facts.sizes.includes(value);
		case 'cost':
			return facts.cost === value;
		case 'evidence':
			return facts.evidence === value;
	}
}

/** Whether an entry passes every filter, except the one named in `ignoring`. */
export function matchesFilters(facts: FilterFacts, filters: EntryFilters, ignoring?: FilterName): boolean {
	return FILTER_NAMES.every((name) => {
		const value = filters[name];
		return name === ignoring || value === undefined || matchesOne(facts, name, value);
	});
}

export type FacetCounts = { [K in FilterName]: Record<(typeof FILTER_VALUES)[K][number], number> };

/**
 * Per filter value, how many entries there would be when that value is chosen: the words and all *other*
 * filters apply, the filter's own choice does not. So a visitor sees beside each choice how many results it
 * gives, also beside the other values of a filter already chosen.
 */
export function facetCounts(items: readonly FilterFacts[], filters: EntryFilters): FacetCounts {
	const counts = Object.fromEntries(
		FILTER_NAMES.map((name) => [name, Object.fromEntries(FILTER_VALUES[name].map((value) => [value, 0]))])
	) as Record<FilterName, Record<string, number>>;
	for (const item of items) {
		for (const name of FILTER_NAMES) {
			if (!matchesFilters(item, filters, name)) continue;
			for (const value of FILTER_VALUES[name]) if (matchesOne(item, name, value)) counts[name][value]! += 1;
		}
	}
	return counts as FacetCounts;
}
