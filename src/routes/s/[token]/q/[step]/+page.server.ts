import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/web/forms';
import { chooseLanguage } from '$lib/web/language';
import { answerStep } from '$lib/web/survey/actions';
import { openSurvey } from '$lib/web/survey/open-survey';
import { requireStep, stepPage } from '$lib/web/survey/pages';
import { LANGUAGE_FIELD } from '$lib/survey-form';

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
		const form = (await readForm(event.request)) ?? new FormData();
		// A language button in the header posts this screen's answers along (SurveyLanguageSwitch.svelte).
		const chosen = await chooseLanguage(event, form.get(LANGUAGE_FIELD));
		return answerStep(survey, step, form, chosen ? event.url.pathname + event.url.search : null);
	}
};
