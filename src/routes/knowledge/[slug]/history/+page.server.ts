import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { entryForEditor, entryHistory } from '$lib/server/knowledge/read-entry';
import * as m from '$lib/paraglide/messages';

// For editors only: the history shows drafts and who wrote each version.
export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const db = app().database.db;
	const [history, latest] = await Promise.all([entryHistory(db, event.params.slug), entryForEditor(db, event.params.slug)]);
	if (!history || !latest) error(404, m.common_error_not_found());
	return { slug: event.params.slug, title: latest.entry.title, history: history.map((v) => ({ ...v, at: v.at.toISOString().slice(0, 16).replace('T', ' ') })) };
};
