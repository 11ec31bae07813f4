import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { bandText } from '$lib/web/plans';
import { offerOptions } from '$lib/server/plans/offer-options';
import { firmPlanCode, firmPlans } from '$lib/server/plans/shared-plans';
import { publicOrigin } from '$lib/server/config';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

// The owner and co-managers ('manage'); advisers get 404: a worker shares with the firm's management only.
export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const db = app().database.db;
	const k = app().config.LEERKOMPAS_THRESHOLD;
	const code = await firmPlanCode(db, firm.id);
	const { tied, shared } = await firmPlans(db, firm.id, k);
	return {
		code,
		link: `${publicOrigin(app().config)}/me/plans?code=${code}`,
		tied: bandText(tied),
		k,
		shared: shared.map((s) => ({ ...s, sharedOn: formatDay(s.sharedOn, uiLocale()) })),
		offers: await offerOptions(db, dayOf(), shared.map((s) => s.plan))
	};
};
