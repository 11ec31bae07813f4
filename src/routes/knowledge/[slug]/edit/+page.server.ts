import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { entryForEditor } from '$lib/server/knowledge/read-entry';
import { entryToFormValues } from '$lib/server/knowledge/save-entry.schema';
import { submitEntryForm } from '$lib/server/knowledge/submit-entry-form';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const found = await entryForEditor(app().database.db, event.params.slug);
	if (!found) error(404, m.common_error_not_found());
	const saved = event.url.searchParams.get('saved');
	return { values: entryToFormValues(found.entry, found.number), number: found.number, publishedNumber: found.publishedNumber, saved: saved === 'draft' || saved === 'published' ? saved : null };
};

export const actions = {
	default: async (event) => {
		const user = requireCoordinator(event);
		if (!(await entryForEditor(app().database.db, event.params.slug))) error(404, m.common_error_not_found());
		const outcome = await submitEntryForm(app().database.db, (await readForm(event.request)) ?? new FormData(), user.id, event.params.slug);
		if (outcome.kind === 'saved') redirect(303, `/knowledge/${outcome.slug}/edit?saved=${outcome.published ? 'published' : 'draft'}`);
		return outcome.kind === 'invalid' ? fail(400, outcome) : outcome;
	}
} satisfies Actions;
