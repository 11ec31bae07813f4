// The one way a web request reaches a round's report: authorization first (owners, co-managers and
// advisers with consent, and learning ambassadors while the owner lets them; everybody else gets 404, as if the round did not exist), then the report.
import { error, type RequestEvent } from '@sveltejs/kit';
import { app } from './app';
import { requireFirm } from './guards';
import { allows } from '../server/firms/access';
import { dayOf } from '../server/clock';
import { findReportRound } from '../server/report/publish/report-round';
import { roundReport, type RoundReport } from '../server/report/publish/round-report';
import * as m from '../paraglide/messages.js';
import { uiLocale } from '../locale';
import { compareFromQuery } from '../server/report/publish/round-change.schema';

export async function reportForRequest(
	event: Pick<RequestEvent, 'locals' | 'url' | 'params'>
): Promise<{ view: RoundReport; firm: { slug: string; name: string }; runsRounds: boolean }> {
	const access = await requireFirm(event, 'report');
	const { firm } = access;
	const db = app().database.db;
	const round = await findReportRound(db, firm.id, event.params.roundId ?? '');
	if (!round) error(404, m.common_error_not_found());
	// ?compare=ROUND-ID picks the earlier round; one that is not comparable falls back to the previous round.
	const { request, unreadable } = compareFromQuery(event.url.searchParams.get('compare'));
	const view = await roundReport(db, firm.name, round, { today: dayOf(), locale: uiLocale(), compare: request, networks: true });
	if (unreadable) view.comparison.refused = true;
	// A learning ambassador with the owner's consent reads the report, but has no round page or SLIM draft.
	return { view, firm: { slug: firm.slug, name: firm.name }, runsRounds: allows(access, 'rounds') };
}

/** A file name people recognise in their downloads folder; pdfResponse strips what a file system dislikes. */
export function reportFileName(view: RoundReport, extension: 'pdf' | 'json' | 'html'): string {
	const version = view.version ? `-v${view.version.number}` : '';
	return `leerkompas-${view.firmName}-${view.round.name}${version}.${extension}`;
}
