import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { readSelfScanAnswers, selfScanLocale } from '$lib/web/self-scan';
import { selfScanQuestionnaire } from '$lib/server/self-scan/questionnaire';
import { selfScanResult } from '$lib/server/self-scan/self-scan-result';
import { selfScanPdf } from '$lib/server/self-scan/self-scan-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';
import { dayOf } from '$lib/server/clock';

// The result page posts the answers again (they are kept nowhere), and gets them back as a PDF.
export const POST: RequestHandler = async ({ request }) => {
	const posted = await readSelfScanAnswers(request, selfScanQuestionnaire());
	if (!posted.ok) redirect(303, '/self-scan');
	const locale = selfScanLocale();
	const result = await selfScanResult(app().database.db, selfScanQuestionnaire(), posted.answers, locale);
	return pdfResponse(selfScanPdf(result, locale, dayOf()).pdf, locale === 'en' ? 'self-scan.pdf' : 'zelfscan.pdf');
};
