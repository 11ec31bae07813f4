import type { RequestHandler } from './$types';
import { annualReportForRequest } from '$lib/web/annual-request';
import { renderReportPdf } from '$lib/server/report/pdf/render-report-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';

export const GET: RequestHandler = async (event) => {
	const { network, year, doc } = await annualReportForRequest(event);
	return pdfResponse(renderReportPdf(doc), `jaarverslag-${network.slug}-${year}.pdf`);
};
