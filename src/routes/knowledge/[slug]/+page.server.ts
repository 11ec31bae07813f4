import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { isCoordinator } from '$lib/web/guards';
import { publishedEntry } from '$lib/server/knowledge/read-entry';
import { renderEntryBody } from '$lib/server/knowledge/render-body';
import * as m from '$lib/paraglide/messages';

// Open to everyone: the published version only. An entry that is a draft only does not exist for this page.
export const load: PageServerLoad = async ({ params, locals }) => {
	const shown = await publishedEntry(app().database.db, params.slug);
	if (!shown) error(404, m.common_error_not_found());
	return { entry: shown.entry, html: renderEntryBody(shown.entry.body), changedOn: shown.changedAt.toISOString().slice(0, 10), editor: isCoordinator(locals.user) };
};
