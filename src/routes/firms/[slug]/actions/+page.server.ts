import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { planView } from '$lib/server/actions/plan-view';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'plan');
	return { groups: await planView(app().database.db, firm.id, dayOf(), uiLocale()), saved: event.url.searchParams.has('saved') };
};
