import type { RequestHandler } from './$types';
import { reportFileName, reportForRequest } from '$lib/web/report-request';
import { buildDocument } from '$lib/server/report/build-document';
import { renderReportPdf } from '$lib/server/report/pdf/render-report-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';
import { uiLocale } from '$lib/locale';
import { app } from '$lib/web/app';

export const GET: RequestHandler = async (event) => {
	const { view } = await reportForRequest(event);
	const pdf = renderReportPdf(buildDocument(view, uiLocale(), { origin: app().origin }));
	return pdfResponse(pdf, reportFileName(view, 'pdf'), { inline: true });
};
