import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { listOffers } from '$lib/server/menukaart/list-offers';
import { setOfferArchived } from '$lib/server/menukaart/archive-offer';
import { costLabel, kindLabel, regionLabel } from '$lib/menukaart-labels';
import { sectorLabel } from '$lib/firm-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const offers = await listOffers(app().database.db);
	return {
		offers: offers.map((o) => ({
			id: o.id,
			title: o.title,
			provider: o.provider,
			kind: kindLabel(o.kind),
			regions: o.regions.map(regionLabel).join(', '),
			sectors: o.sectors === 'all' ? m.menukaart_all_sectors() : o.sectors.map((s) => sectorLabel(s)).join(', '),
			cost: [o.costText, o.costBand ? costLabel(o.costBand) : null].filter(Boolean).join(' · '),
			archived: o.archived
		}))
	};
};

async function archive(event: Parameters<Actions[string]>[0], archived: boolean) {
	const user = requireCoordinator(event);
	const form = await readForm(event.request);
	const id = form?.get('id');
	const done = typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) && (await setOfferArchived(app().database.db, { id, archived, userId: user.id }));
	return { done: Boolean(done), archived };
}

export const actions: Actions = {
	archive: (event) => archive(event, true),
	restore: (event) => archive(event, false)
};
