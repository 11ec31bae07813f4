import { fail, redirect } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { readSelfScanAnswers, selfScanLocale, selfScanQuestionViews } from '$lib/web/self-scan';
import { answersAsFields } from '$lib/domain/self-scan/questionnaire';
import { selfScanQuestionnaire } from '$lib/server/self-scan/questionnaire';
import { selfScanResult } from '$lib/server/self-scan/self-scan-result';
import { keepSelfScan } from '$lib/server/self-scan/keep-self-scan';
import { countSelfScanUse } from '$lib/server/self-scan/firm-self-scan-link';
import { firmSelfScanTokenSchema } from '$lib/server/self-scan/firm-self-scan-link.schema';
import { dayOf } from '$lib/server/clock';
import { clientKey } from '$lib/server/http';
import { rememberedScans } from '$lib/web/kept-scans-cookie';

export const load: PageServerLoad = async ({ url, locals, cookies }) => {
	const firmToken = firmSelfScanTokenSchema.safeParse(url.searchParams.get('f'));
	return {
		questions: selfScanQuestionViews(selfScanQuestionnaire(), selfScanLocale()),
		firmToken: firmToken.success ? firmToken.data : null,
		threshold: app().config.LEERKOMPAS_THRESHOLD,
		signedIn: locals.user !== null && locals.user !== undefined,
		remembered: rememberedScans(cookies).length > 0
	};
};

export const actions: Actions = {
	// The result is computed for this answer only and shown at once; nothing is stored but the firm's count.
	result: async ({ request, url }) => {
		const posted = await readSelfScanAnswers(request, selfScanQuestionnaire());
		if (!posted.ok) return posted.failure;
		await countSelfScanUse(app().database.db, url.searchParams.get('f'));
		const result = await selfScanResult(app().database.db, selfScanQuestionnaire(), posted.answers, selfScanLocale());
		return { result, fields: answersAsFields(posted.answers) };
	},
	keep: async (event) => {
		const posted = await readSelfScanAnswers(event.request, selfScanQuestionnaire());
		if (!posted.ok) return posted.failure;
		const { limits } = app();
		const key = clientKey(event);
		if (!(await limits.selfScanKeeps.hit(key))) {
			const message = m.common_rate_limited({ minutes: Math.ceil((await limits.selfScanKeeps.retryAfter(key)) / 60) });
			return fail(429, { values: { ...posted.answers.open, ...posted.answers.choices }, errors: {}, message });
		}
		const { token } = await keepSelfScan(app().database.db, posted.answers, dayOf());
		redirect(303, `/self-scan/k/${token}?kept`);
	}
};
