// The search of the knowledge base as a visitor or a script asks for it: words and at most one value per filter.
// Unknown filter values are dropped rather than refused, so an old bookmarked link still shows results.
import { z } from 'zod';
import { FILTER_NAMES, FILTER_VALUES, type EntryFilters } from '../../domain/knowledge/filters';

export const searchQuerySchema = z.string().trim().max(200).catch('');

/** The filters among `input` (a page's query string or the CLI's options); anything else is left out. */
export function parseFilters(input: Record<string, unknown>): EntryFilters {
	const filters: Record<string, string> = {};
	for (const name of FILTER_NAMES) {
		const value = input[name];
		if (typeof value === 'string' && (FILTER_VALUES[name] as readonly string[]).includes(value)) filters[name] = value;
	}
	return filters as EntryFilters;
}
