import type { PageServerLoad } from './$types';
import { openSurvey } from '$lib/web/survey/open-survey';
import { introPage } from '$lib/web/survey/pages';

export const load: PageServerLoad = async (event) => introPage(await openSurvey(event));
