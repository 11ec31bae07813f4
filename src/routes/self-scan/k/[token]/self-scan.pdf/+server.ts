import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import * as m from '$lib/paraglide/messages';
import { app } from '$lib/web/app';
import { selfScanLocale } from '$lib/web/self-scan';
import { selfScanQuestionnaire } from '$lib/server/self-scan/questionnaire';
import { selfScanResult } from '$lib/server/self-scan/self-scan-result';
import { openKeptSelfScan } from '$lib/server/self-scan/open-kept-self-scan';
import { selfScanPdf } from '$lib/server/self-scan/self-scan-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';
import { dayOf } from '$lib/server/clock';

export const GET: RequestHandler = async ({ params }) => {
	const kept = await openKeptSelfScan(app().database.db, params.token);
	if (!kept) error(404, m.selfscan_not_found());
	const locale = selfScanLocale();
	const result = await selfScanResult(app().database.db, selfScanQuestionnaire(), kept.answers, locale);
	return pdfResponse(selfScanPdf(result, locale, dayOf()).pdf, locale === 'en' ? 'self-scan.pdf' : 'zelfscan.pdf');
};
