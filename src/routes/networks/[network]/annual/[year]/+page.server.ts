import type { PageServerLoad } from './$types';
import { annualReportForRequest } from '$lib/web/annual-request';
import { renderReportFragment } from '$lib/server/report/web/render-html';
import { reportCss } from '$lib/server/report/web/report-css';

// The report is complete HTML from the server; hydrating it would only send it twice.
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const { network, year, doc } = await annualReportForRequest(event);
	const base = `/networks/${network.slug}/annual/${year}`;
	return {
		network: { slug: network.slug, name: network.name },
		year,
		title: doc.title,
		html: renderReportFragment(doc).value,
		css: reportCss,
		pdfUrl: `${base}/annual-report.pdf`,
		editUrl: `${base}/edit`,
		talksUrl: `/networks/${network.slug}/talks?year=${year}`
	};
};
