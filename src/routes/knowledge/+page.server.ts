import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { isCoordinator } from '$lib/web/guards';
import { searchEntries } from '$lib/server/knowledge/search-entries';
import { parseFilters, searchQuerySchema } from '$lib/server/knowledge/search-entries.schema';
import { entriesWithDraft } from '$lib/server/knowledge/read-entry';

const SHOWN = 50;

// Open to everyone, signed in or not: the published entries only. Editors also see the drafts waiting.
export const load: PageServerLoad = async ({ url, locals }) => {
	const query = searchQuerySchema.parse(url.searchParams.get('q') ?? '');
	const filters = parseFilters(Object.fromEntries(url.searchParams));
	const db = app().database.db;
	const result = await searchEntries(db, query, filters, { limit: SHOWN });
	const editor = isCoordinator(locals.user);
	// The count and the filter counts cover every match; the page lists (and the database sends) the best ones only.
	return { query, filters, count: result.total, hits: result.hits, facets: result.facets, editor, drafts: editor ? await entriesWithDraft(db) : [] };
};
