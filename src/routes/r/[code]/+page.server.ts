import type { PageServerLoad } from './$types';
import { followShortCode, redirectOrError } from '$lib/web/survey/codes';

// The short link that fits an SMS: straight on to the survey.
export const load: PageServerLoad = async (event) => redirectOrError(await followShortCode(event, event.params.code));
