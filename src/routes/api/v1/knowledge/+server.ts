import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiRoute } from '$lib/web/api/http';
import { knowledgeSearchSchema } from '$lib/web/api/schemas';
import { searchEntries } from '$lib/server/knowledge/search-entries';
import { parseFilters, searchParamsSchema } from '$lib/server/knowledge/search-entries.schema';

const SHOWN = 50;

// The published entries only, as the knowledge page (open to all) lists them; a token is still asked for.
// The parameters are read with the schema the OpenAPI document describes them from.
export const GET: RequestHandler = apiRoute(async (caller) => {
	const params = searchParamsSchema.parse(Object.fromEntries(caller.event.url.searchParams));
	const result = await searchEntries(app().database.db, params.q, parseFilters(params), { limit: SHOWN });
	return answer(knowledgeSearchSchema, { total: result.total, hits: result.hits });
});
