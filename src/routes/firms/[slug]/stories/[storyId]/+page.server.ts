import { error, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { storyOfFirm } from '$lib/server/stories/list-stories';
import { saveStory } from '$lib/server/stories/save-story';
import { storyInputFromForm } from '$lib/server/stories/save-story.schema';
import { storyFormFailure, storyFormValues } from '$lib/web/story-form';
import { canEdit } from '$lib/domain/stories/story';
import { menukaartOptions } from '$lib/menukaart-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const story = await storyOfFirm(app().database.db, firm.id, event.params.storyId);
	if (!story) error(404, m.common_error_not_found());
	return { story: storyFormValues(story), status: story.status, reviewNote: story.reviewNote, entrySlug: story.entrySlug, editable: canEdit(story.status), options: menukaartOptions() };
};

export const actions: Actions = {
	save: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const submit = form.get('intent') === 'submit';
		const input = { firmId: firm.id, storyId: event.params.storyId, story: storyInputFromForm(form), userId: user.id, submit, consent: form.get('consent') === 'on' };
		const result = await saveStory(app().database.db, input);
		if (!result.ok) {
			if ('errors' in result) return storyFormFailure(form, result.errors);
			if (result.reason === 'not-found') error(404, m.common_error_not_found());
			return formError(409, form, m.menukaart_story_locked());
		}
		redirect(303, `/firms/${firm.slug}/stories/${result.id}?${result.status}`);
	}
};
