import type { PageServerLoad } from './$types';
import { openSurvey } from '$lib/server/scan/survey/open-survey';
import { introPage } from '$lib/server/scan/survey/pages';

export const load: PageServerLoad = async (event) => introPage(await openSurvey(event));
