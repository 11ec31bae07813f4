import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiRoute } from '$lib/web/api/http';
import { knowledgeSearchSchema } from '$lib/web/api/schemas';
import { searchEntries } from '$lib/server/knowledge/search-entries';
import { parseFilters, searchQuerySchema } from '$lib/server/knowledge/search-entries.schema';

const SHOWN = 50;

// The published entries only, as the knowledge page (open to all) lists them; a token is still asked for.
export const GET: RequestHandler = apiRoute(async (caller) => {
	const url = caller.event.url;
	const query = searchQuerySchema.parse(url.searchParams.get('q') ?? '');
	const result = await searchEntries(app().database.db, query, parseFilters(Object.fromEntries(url.searchParams)), { limit: SHOWN });
	return answer(knowledgeSearchSchema, { total: result.total, hits: result.hits });
});
