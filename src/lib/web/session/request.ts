// The one way a web request reaches a follow-up session: authorization first (owner, co-managers, advisers
// and learning ambassadors with consent; everybody else gets 404), then the round's published report, or no
// report at all for the conversation of a firm too small for an anonymous one (fewer than k employees). An
// ambassador whom the owner has not let see the report leads the same session without any figure.
import { error, type RequestEvent } from '@sveltejs/kit';
import { app } from '../app';
import { requireFirm } from '../guards';
import { dayOf } from '../../server/clock';
import { findReportRound } from '../../server/report/publish/report-round';
import { roundReport } from '../../server/report/publish/round-report';
import { allows } from '../../server/firms/access';
import type { SessionSource } from '../../server/session/session-page';
import * as m from '../../paraglide/messages.js';
import { uiLocale } from '../../locale';

export interface SessionRequest {
	source: SessionSource;
	firm: { id: string; slug: string; name: string };
	user: { id: string };
	/** The session's address without a step: /firms/…/rounds/…/session or /firms/…/session. */
	base: string;
	/** Where "leave the session" goes: the round page, or the firm page for whoever has no round pages. */
	exit: string;
}

export async function sessionForRequest(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<SessionRequest> {
	const access = await requireFirm(event, 'plan');
	const { firm, user } = access;
	const db = app().database.db;
	const locale = uiLocale();
	const firmRef = { id: firm.id, slug: firm.slug, name: firm.name };
	if (event.params.roundId === undefined) {
		// Without a round: only the conversation of a small firm, which gets no anonymous report.
		if (firm.employees >= app().config.LEERKOMPAS_THRESHOLD) error(404, m.common_error_not_found());
		const base = `/firms/${firm.slug}/session`;
		return { source: { firmId: firm.id, round: null, report: null, recommendations: [], locale }, firm: firmRef, user, base, exit: `/firms/${firm.slug}` };
	}
	const round = await findReportRound(db, firm.id, event.params.roundId);
	if (!round) error(404, m.common_error_not_found());
	const view = await roundReport(db, firm.name, round, { today: dayOf(), locale });
	// A session talks about a published report; a firm without one holds the conversation at /firms/…/session.
	if (view.version === null) error(404, m.session_no_report());
	return {
		// The recommendations come with the report (worked out once per request), the same ones the report shows;
		// an ambassador without the owner's consent to the report gets neither, since reasons name the figures.
		source: allows(access, 'report')
			? { firmId: firm.id, round: { id: round.id, name: round.name }, report: view.report, recommendations: view.advice.recommendations, locale }
			: { firmId: firm.id, round: { id: round.id, name: round.name }, report: null, recommendations: [], locale },
		firm: firmRef,
		user,
		base: `/firms/${firm.slug}/rounds/${round.id}/session`,
		exit: allows(access, 'rounds') ? `/firms/${firm.slug}/rounds/${round.id}` : `/firms/${firm.slug}`
	};
}
