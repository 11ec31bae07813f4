import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { offerOptions } from '$lib/server/plans/offer-options';
import { planSharedWithMe } from '$lib/server/plans/shared-plans';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

// Only the account whose address the plan was shared with; a stopped share is gone at once (404).
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const db = app().database.db;
	const shared = await planSharedWithMe(db, user, event.params.shareId);
	if (!shared) error(404, m.common_error_not_found());
	return { shared: { ...shared, sharedOn: formatDay(shared.sharedOn, uiLocale()) }, offers: await offerOptions(db, dayOf(), [shared.plan]) };
};
