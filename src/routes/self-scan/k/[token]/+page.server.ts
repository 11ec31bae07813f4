import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import * as m from '$lib/paraglide/messages';
import { app } from '$lib/web/app';
import { selfScanLocale } from '$lib/web/self-scan';
import { selfScanQuestionnaire } from '$lib/server/self-scan/questionnaire';
import { selfScanResult } from '$lib/server/self-scan/self-scan-result';
import { openKeptSelfScan } from '$lib/server/self-scan/open-kept-self-scan';
import { deleteKeptSelfScan } from '$lib/server/self-scan/delete-kept-self-scan';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { publicOrigin } from '$lib/server/config';
import { answersAsFields } from '$lib/domain/self-scan/questionnaire';
import { forgetScan, rememberedScans, rememberScan } from '$lib/web/kept-scans-cookie';

// Only the private link opens a kept scan: no account, role or firm reaches it, and no cache keeps it. The
// referrer goes to this site only, so the link never travels to another; not no-referrer, because then the
// browser posts the delete form with Origin: null and SvelteKit refuses it as cross-site.
export const load: PageServerLoad = async ({ params, url, setHeaders, locals, cookies }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' });
	const kept = await openKeptSelfScan(app().database.db, params.token);
	if (!kept) error(404, m.selfscan_not_found());
	const locale = selfScanLocale();
	return {
		result: await selfScanResult(app().database.db, selfScanQuestionnaire(), kept.answers, locale),
		keptOn: formatDay(kept.keptOn, locale),
		link: `${publicOrigin(app().config)}/self-scan/k/${params.token}`,
		justKept: url.searchParams.has('kept'),
		fields: answersAsFields(kept.answers),
		signedIn: locals.user !== null && locals.user !== undefined,
		path: `/self-scan/k/${params.token}`,
		remembered: rememberedScans(cookies).includes(params.token)
	};
};

export const actions: Actions = {
	delete: async ({ params, cookies, url }) => {
		if (!(await deleteKeptSelfScan(app().database.db, params.token))) error(404, m.selfscan_not_found());
		forgetScan(cookies, params.token, url.protocol === 'https:');
		redirect(303, '/self-scan/deleted');
	},
	// Remembers the link in this browser only (an HttpOnly cookie for /self-scan pages), never in the database.
	remember: async ({ params, cookies, url }) => {
		if (!(await openKeptSelfScan(app().database.db, params.token))) error(404, m.selfscan_not_found());
		rememberScan(cookies, params.token, url.protocol === 'https:');
		redirect(303, `/self-scan/k/${params.token}`);
	},
	forget: async ({ params, cookies, url }) => {
		forgetScan(cookies, params.token, url.protocol === 'https:');
		redirect(303, `/self-scan/k/${params.token}`);
	}
};
