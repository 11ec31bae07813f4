import { error, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { persistentSecret } from '$lib/server/instance-settings';
import { STOP_SECRET_NAME } from '$lib/server/action-reminders/stop-token';
import { stopByLink, stopLinkTarget } from '$lib/server/action-reminders/stop-link';
import * as m from '$lib/paraglide/messages';

// The stop link in a reminder works without signing in: the signed token says whose mail it is. Opening the
// link only asks; the button stops, so a mail scanner that follows every link changes nothing.
async function secret() {
	return persistentSecret(app().database.db, STOP_SECRET_NAME);
}

export const load: PageServerLoad = async ({ params }) => {
	const target = (await stopLinkTarget(app().database.db, await secret(), params.token)) ?? error(404, m.reminders_stop_invalid());
	return { firmName: target.firmName, firmSlug: target.firmSlug, kind: target.kind };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const target = (await stopByLink(app().database.db, await secret(), params.token ?? '')) ?? error(404, m.reminders_stop_invalid());
		return { stopped: true, firmSlug: target.firmSlug };
	}
};
