import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { entryFormValues } from '$lib/server/knowledge/save-entry.schema';
import { submitEntryForm } from '$lib/server/knowledge/submit-entry-form';

export const load: PageServerLoad = (event) => {
	requireCoordinator(event);
	return { values: entryFormValues(new FormData()) };
};

export const actions = {
	default: async (event) => {
		const user = requireCoordinator(event);
		const outcome = await submitEntryForm(app().database.db, (await readForm(event.request)) ?? new FormData(), user.id);
		if (outcome.kind === 'saved') redirect(303, `/knowledge/${outcome.slug}/edit?saved=${outcome.published ? 'published' : 'draft'}`);
		return outcome.kind === 'invalid' ? fail(400, outcome) : outcome;
	}
} satisfies Actions;
