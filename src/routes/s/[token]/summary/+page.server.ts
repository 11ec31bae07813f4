import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/web/forms';
import { sendResponse } from '$lib/web/survey/actions';
import { openSurvey } from '$lib/web/survey/open-survey';
import { summaryPage } from '$lib/web/survey/pages';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return summaryPage(survey);
};

export const actions: Actions = {
	default: async (event) => sendResponse(await openSurvey(event), await readForm(event.request))
};
