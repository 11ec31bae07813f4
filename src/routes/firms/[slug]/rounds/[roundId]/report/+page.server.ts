import type { PageServerLoad } from './$types';
import { reportForRequest } from '$lib/web/report-request';
import { buildDocument } from '$lib/server/report/build-document';
import { renderReportFragment } from '$lib/server/report/web/render-html';
import { reportCss } from '$lib/server/report/web/report-css';
import { uiLocale } from '$lib/locale';
import { app } from '$lib/web/app';
import { dayOf } from '$lib/server/clock';
import { offersForFirm } from '$lib/server/menukaart/list-offers';
import { offerView } from '$lib/menukaart-labels';

// The report is complete HTML from the server; hydrating it would only send it twice.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { view, firm, runsRounds } = await reportForRequest(event);
	// The firm's province and sector come from the layout, which checked access the same way.
	const { firm: place } = await event.parent();
	const offers = await offersForFirm(app().database.db, { province: place.province, sector: place.sector }, dayOf());
	const base = `/firms/${firm.slug}/rounds/${view.round.id}/report`;
	const doc = buildDocument(view, uiLocale(), { compareForm: { action: base } });
	// The downloads compare with the same round as the page, when one was picked.
	const against = event.url.searchParams.has('compare') && !view.comparison.refused ? view.comparison.against : null;
	const compare = against ? `?compare=${against.id}` : '';
	const fragment = renderReportFragment(doc, { downloads: { pdf: `${base}/report.pdf${compare}`, json: `${base}/report.json${compare}` } });
	return { title: doc.title, html: fragment.value, css: reportCss, roundUrl: runsRounds ? `/firms/${firm.slug}/rounds/${view.round.id}` : `/firms/${firm.slug}`, sessionUrl: view.version ? `/firms/${firm.slug}/rounds/${view.round.id}/session` : null, offers: offers.map(offerView), slimUrl: runsRounds && view.version && view.report.employeeFigures ? `/firms/${firm.slug}/rounds/${view.round.id}/slim` : null };
};
