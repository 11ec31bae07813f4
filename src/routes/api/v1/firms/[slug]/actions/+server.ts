import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiFirm, apiRoute } from '$lib/web/api/http';
import { actionPlanSchema } from '$lib/web/api/schemas';
import { planView } from '$lib/server/actions/plan-view';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

export const GET: RequestHandler = apiRoute(async (caller) => {
	const { firm } = await apiFirm(caller, 'plan');
	return answer(actionPlanSchema, { groups: await planView(app().database.db, firm.id, dayOf(), uiLocale()) });
});
