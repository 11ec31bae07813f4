import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/server/forms';
import { answerStep } from '$lib/server/scan/survey/actions';
import { openSurvey } from '$lib/server/scan/survey/open-survey';
import { requireStep, stepPage } from '$lib/server/scan/survey/pages';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	const step = requireStep(survey, event.params.step);
	// After a refused post the page stays, with its message; a plain visit goes to the intro, which says why.
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return stepPage(survey, step, event.url.searchParams.get('from') === 'summary');
};

export const actions: Actions = {
	default: async (event) => {
		const survey = await openSurvey(event);
		const step = requireStep(survey, event.params.step);
		return answerStep(survey, step, (await readForm(event.request)) ?? new FormData());
	}
};
