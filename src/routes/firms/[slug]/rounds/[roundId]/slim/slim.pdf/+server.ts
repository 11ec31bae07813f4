import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { slimFileName, slimForRequest } from '$lib/web/slim-request';
import { renderSlimPdf } from '$lib/server/slim/render-slim-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';
import * as m from '$lib/paraglide/messages';

export const GET: RequestHandler = async (event) => {
	const slim = await slimForRequest(event);
	if (!slim.document) error(404, m.menukaart_slim_page_no_report());
	return pdfResponse(renderSlimPdf(slim.document).pdf, slimFileName(slim, 'pdf'), { inline: true });
};
