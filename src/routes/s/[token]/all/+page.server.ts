import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/web/forms';
import { sendAllAnswers } from '$lib/web/survey/actions';
import { openSurvey } from '$lib/web/survey/open-survey';
import { allQuestionsPage } from '$lib/web/survey/pages';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	// After a refused post the page stays, with its message; a plain visit goes to the intro, which says why.
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return allQuestionsPage(survey);
};

export const actions: Actions = {
	default: async (event) => sendAllAnswers(await openSurvey(event), (await readForm(event.request)) ?? new FormData())
};
