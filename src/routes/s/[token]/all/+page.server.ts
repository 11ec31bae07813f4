import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';
import { sendAllAnswers } from '$lib/server/scan/survey/actions';
import { openSurvey } from '$lib/server/scan/survey/open-survey';
import { allQuestionsPage } from '$lib/server/scan/survey/pages';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	// After a refused post the page stays, with its message; a plain visit goes to the intro, which says why.
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return allQuestionsPage(survey);
};

export const actions: Actions = {
	default: async (event) => sendAllAnswers(await openSurvey(event), (await readForm(event.request)) ?? new FormData())
};
