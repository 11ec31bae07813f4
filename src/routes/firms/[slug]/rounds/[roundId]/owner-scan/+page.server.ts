import type { Actions, PageServerLoad } from './$types';
import { requireFirm } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { ownerScanPage, saveOwnerScan } from '$lib/web/survey/owner-scan';

export const load: PageServerLoad = async (event) => {
	const { firm, user } = await requireFirm(event, 'manage');
	const page = await ownerScanPage(firm.id, user.id, event.params.roundId, event.url.searchParams.has('saved'));
	// Sent here from the employees' link (web/survey/actions.ts): say why their answers did not count there.
	return { ...page, fromSurvey: event.url.searchParams.get('from') === 'survey' };
};

export const actions: Actions = {
	default: async (event) => {
		const { firm, user } = await requireFirm(event, 'manage');
		return saveOwnerScan(firm, user.id, event.params.roundId, (await readForm(event.request)) ?? new FormData());
	}
};
