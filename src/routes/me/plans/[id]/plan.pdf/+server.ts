import type { RequestHandler } from './$types';
import { app } from '$lib/web/app';
import { requireMyPlan } from '$lib/web/plans';
import { offerOptions } from '$lib/server/plans/offer-options';
import { planPdf } from '$lib/server/plans/plan-pdf';
import { pdfResponse } from '$lib/server/pdf/typst';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

// For the author only (404 for everyone else): the plan as a PDF, made now and stored nowhere.
export const GET: RequestHandler = async (event) => {
	const { plan } = await requireMyPlan(event);
	const locale = uiLocale();
	const pdf = planPdf(plan, await offerOptions(app().database.db, dayOf(), [plan]), locale, dayOf());
	return pdfResponse(pdf.pdf, locale === 'en' ? 'development-plan.pdf' : 'ontwikkelplan.pdf');
};
