import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { readForm } from '$lib/web/forms';
import { chooseLanguage } from '$lib/web/language';
import { keepAllAnswers, sendAllAnswers } from '$lib/web/survey/actions';
import { openSurvey } from '$lib/web/survey/open-survey';
import { allQuestionsPage } from '$lib/web/survey/pages';
import { LANGUAGE_FIELD } from '$lib/survey-form';

export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	// After a refused post the page stays, with its message; a plain visit goes to the intro, which says why.
	if (!survey.canAnswer && event.request.method !== 'POST') redirect(303, survey.paths.intro);
	return allQuestionsPage(survey);
};

export const actions: Actions = {
	default: async (event) => {
		const survey = await openSurvey(event);
		const form = (await readForm(event.request)) ?? new FormData();
		// A language button in the header posts the whole page along (SurveyLanguageSwitch.svelte), to come back filled in.
		if (await chooseLanguage(event, form.get(LANGUAGE_FIELD))) return keepAllAnswers(survey, form);
		return sendAllAnswers(survey, form);
	}
};
