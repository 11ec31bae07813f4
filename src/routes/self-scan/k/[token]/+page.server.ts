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

// Only the private link opens a kept scan: no account, role or firm reaches it, and no cache keeps it. The
// referrer goes to this site only, so the link never travels to another; not no-referrer, because then the
// browser posts the delete form with Origin: null and SvelteKit refuses it as cross-site.
export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
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
		path: `/self-scan/k/${params.token}`
	};
};

export const actions: Actions = {
	delete: async ({ params }) => {
		if (!(await deleteKeptSelfScan(app().database.db, params.token))) error(404, m.selfscan_not_found());
		redirect(303, '/self-scan/deleted');
	}
};
