import type { Actions, PageServerLoad } from './$types';
import { loadSessionStep, sessionStepActions } from '$lib/web/session/routes';

export const load: PageServerLoad = (event) => loadSessionStep(event);

export const actions: Actions = sessionStepActions;
