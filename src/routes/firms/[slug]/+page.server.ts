import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { listRounds } from '$lib/server/scan/rounds/list-rounds';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import { dueSummary } from '$lib/server/actions/plan-view';
import { offersForFirm } from '$lib/server/menukaart/list-offers';
import { offerView } from '$lib/menukaart-labels';
import { firmSelfScanLink } from '$lib/server/self-scan/firm-self-scan-link';
import { publicOrigin } from '$lib/server/config';

export const load: PageServerLoad = async (event) => {
	const { firm, role } = await requireFirm(event, 'view');
	const all = await listRounds(app().database.db, firm.id, dayOf());
	// A learning ambassador has no round pages: only rounds with a published report, to hold their session.
	const rounds = role === 'ambassador' ? all.filter((r) => r.publishedResponses !== null) : all;
	const offers = await offersForFirm(app().database.db, { province: firm.province, sector: firm.sector }, dayOf());
	const day = (iso: string) => formatDay(iso, uiLocale());
	const selfScan = await firmSelfScanLink(app().database.db, firm.id, app().config.LEERKOMPAS_THRESHOLD);
	return {
		fromSurvey: event.url.searchParams.get('from') === 'survey',
		actions: await dueSummary(app().database.db, firm.id, dayOf(), uiLocale()),
		selfScan: { url: `${publicOrigin(app().config)}/self-scan?f=${selfScan.token}`, used: selfScan.used },
		threshold: app().config.LEERKOMPAS_THRESHOLD,
		offers: offers.map(offerView),
		rounds: rounds.map((r) => ({ id: r.id, name: r.name, state: r.state, opensOn: day(r.opensOn), closesOn: day(r.closesOn), publishedResponses: r.publishedResponses, supervisorName: r.supervisorName }))
	};
};
