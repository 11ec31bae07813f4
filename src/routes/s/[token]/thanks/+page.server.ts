import type { PageServerLoad } from './$types';
import { openSurvey } from '$lib/web/survey/open-survey';

// Shown after every send, also a repeated one; refreshing it stores and changes nothing.
export const load: PageServerLoad = async (event) => {
	const survey = await openSurvey(event);
	return { firmName: survey.round.firmName, k: survey.round.threshold };
};
