import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiRoute, notFound } from '$lib/web/api/http';
import { knowledgeEntryApiSchema } from '$lib/web/api/schemas';
import { publishedEntry } from '$lib/server/knowledge/read-entry';

export const GET: RequestHandler = apiRoute(async (caller) => {
	const shown = (await publishedEntry(app().database.db, caller.event.params.slug ?? '')) ?? notFound();
	return answer(knowledgeEntryApiSchema, { entry: shown.entry, version: shown.number, changedOn: shown.changedAt.toISOString().slice(0, 10) });
});
