import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { saveStory } from '$lib/server/stories/save-story';
import { storyInputFromForm } from '$lib/server/stories/save-story.schema';
import { storyFormFailure } from '$lib/web/story-form';
import { menukaartOptions } from '$lib/menukaart-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	await requireFirm(event, 'manage');
	return { options: menukaartOptions() };
};

export const actions: Actions = {
	save: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const submit = form.get('intent') === 'submit';
		const result = await saveStory(app().database.db, { firmId: firm.id, story: storyInputFromForm(form), userId: user.id, submit, consent: form.get('consent') === 'on' });
		if (!result.ok) return 'errors' in result ? storyFormFailure(form, result.errors) : formError(409, form, m.menukaart_story_locked());
		redirect(303, `/firms/${firm.slug}/stories/${result.id}?${result.status}`);
	}
};
