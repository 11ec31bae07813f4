// The search of the knowledge base as a visitor or a script asks for it: words and at most one value per filter.
// Unknown filter values are dropped rather than refused, so an old bookmarked link still shows results.
import { z } from 'zod';
import { FILTER_VALUES, type EntryFilters, type FilterName } from '../../domain/knowledge/filters';

export const searchQuerySchema = z.string().trim().max(200).catch('');

// An unknown value counts as no filter (`.catch`), so the page, the CLI and the API never refuse a search.
const filter = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const filterShape = {
	aspect: filter(FILTER_VALUES.aspect),
	worry: filter(FILTER_VALUES.worry),
	kind: filter(FILTER_VALUES.kind),
	sector: filter(FILTER_VALUES.sector),
	size: filter(FILTER_VALUES.size),
	cost: filter(FILTER_VALUES.cost),
	evidence: filter(FILTER_VALUES.evidence)
} satisfies Record<FilterName, z.ZodType>;

/** The filters alone; anything else in the input is left out. */
const searchFiltersSchema = z.object(filterShape);

/** A whole search as a query string gives it: the API reads its parameters with this and documents them from it. */
export const searchParamsSchema = z.object({ q: searchQuerySchema, ...filterShape });

/** The filters among `input` (a page's query string or the CLI's options); anything else is left out. */
export function parseFilters(input: Record<string, unknown>): EntryFilters {
	const parsed = searchFiltersSchema.parse(input);
	return Object.fromEntries(Object.entries(parsed).filter(([, value]) => value !== undefined)) as EntryFilters;
}
