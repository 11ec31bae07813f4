import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { hasAgreement } from '$lib/server/export/agreements';
import { exportOverview } from '$lib/server/export/export-access';
import { findReportRound } from '$lib/server/report/publish/report-round';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// The firm's roles see this page (a researcher, who has no role in the firm, finds the downloads on /account).
export const load: PageServerLoad = async (event) => {
	const { firm, role, user } = await requireFirm(event, 'rounds');
	const db = app().database.db;
	const round = (await findReportRound(db, firm.id, event.params.roundId)) ?? error(404, m.common_error_not_found());
	const overview = await exportOverview(db, { round, principal: { firmRole: role, agreement: await hasAgreement(db, firm.id, user.id) }, today: dayOf() });
	return { round: { id: round.id, name: round.name }, overview };
};
