import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';
import { sendResponse } from '$lib/server/scan/survey/actions';
import { openSurvey } from '$lib/server/scan/survey/open-survey';
import { summaryPage } from '$lib/server/scan/survey/pages';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return summaryPage(survey);
};

export const actions: Actions = {
	default: async (event) => sendResponse(await openSurvey(event), await readForm(event.request))
};
