import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { answer, apiFirm, apiRoute, notFound } from '$lib/web/api/http';
import { reportApiSchema } from '$lib/web/api/schemas';
import { findReportRound } from '$lib/server/report/publish/report-round';
import { roundReport, servedReport } from '$lib/server/report/publish/round-report';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

// The same body as the report page's JSON export (docs/report-schema.json), for whoever may read the report.
export const GET: RequestHandler = apiRoute(async (caller) => {
	const { firm } = await apiFirm(caller, 'report');
	const db = app().database.db;
	const round = (await findReportRound(db, firm.id, caller.event.params.roundId ?? '')) ?? notFound();
	const view = await roundReport(db, firm.name, round, { today: dayOf(), locale: uiLocale(), networks: true });
	const response = answer(reportApiSchema, servedReport(view));
	if (view.version) response.headers.set('x-leerkompas-report-version', String(view.version.number));
	return response;
});
