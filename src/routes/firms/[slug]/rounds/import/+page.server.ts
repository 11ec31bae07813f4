import { type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { readUploadForm, uploadResponses } from '$lib/web/upload-responses';
import { listRounds } from '$lib/server/scan/rounds/list-rounds';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const rounds = await listRounds(app().database.db, firm.id, dayOf());
	return { roundNames: rounds.filter((r) => r.state !== 'closed' && r.origin === 'imported').map((r) => r.name), round: event.url.searchParams.get('round') ?? '' };
};

export const actions: Actions = {
	default: async (event) => {
		const { firm } = await requireFirm(event, 'manage');
		const form = await readUploadForm(event.request);
		const contentLength = Number(event.request.headers.get('content-length')) || null;
		const { config, database } = app();
		return uploadResponses(database.db, { firm, form, contentLength, threshold: config.LEERKOMPAS_THRESHOLD, today: dayOf(), locale: uiLocale() });
	}
};
