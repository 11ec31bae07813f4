import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { forgetScan, rememberedScans } from '$lib/web/kept-scans-cookie';
import { selfScanLocale } from '$lib/web/self-scan';
import { keptSelfScanDays } from '$lib/server/self-scan/kept-self-scan-days';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { readForm } from '$lib/web/forms';

// The private links this browser remembers; the page holds the links themselves, so nothing keeps it.
export const load: PageServerLoad = async ({ cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store', 'referrer-policy': 'same-origin' });
	const kept = await keptSelfScanDays(app().database.db, rememberedScans(cookies));
	return { kept: kept.map((k) => ({ token: k.token, keptOn: formatDay(k.keptOn, selfScanLocale()) })) };
};

export const actions: Actions = {
	forget: async ({ request, cookies, url }) => {
		const token = (await readForm(request))?.get('token');
		if (typeof token === 'string') forgetScan(cookies, token, url.protocol === 'https:');
		redirect(303, '/self-scan/mine');
	}
};
