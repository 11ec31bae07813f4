import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { entryVersion } from '$lib/server/knowledge/read-entry';
import { renderEntryBody } from '$lib/server/knowledge/render-body';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const number = /^\d{1,6}$/.test(event.params.number) ? Number(event.params.number) : NaN;
	const found = Number.isNaN(number) ? null : await entryVersion(app().database.db, event.params.slug, number);
	if (!found) error(404, m.common_error_not_found());
	return { entry: found.entry, number, html: renderEntryBody(found.entry.body), date: found.changedAt.toISOString().slice(0, 16).replace('T', ' ') };
};
