import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { leaveNetwork, networksOfFirm } from '$lib/server/network/membership';
import * as m from '$lib/paraglide/messages';
import { uiLocale } from '$lib/locale';
import { formatDay } from '$lib/server/report/format';

export const load: PageServerLoad = async (event) => {
	const { firm, role } = await requireFirm(event, 'view');
	const networks = await networksOfFirm(app().database.db, firm.id);
	const joined = event.url.searchParams.get('joined');
	const joinedName = networks.find((n) => n.slug === joined)?.name ?? null;
	return {
		networks: networks.map((n) => ({ slug: n.slug, name: n.name, kind: n.kind, joinedOn: formatDay(n.joinedAt.toISOString().slice(0, 10), uiLocale()) })),
		canLeave: role === 'owner',
		joinedName,
		k: app().config.LEERKOMPAS_THRESHOLD
	};
};

export const actions = {
	leave: async (event) => {
		const { firm } = await requireFirm(event, 'own');
		const form = (await readForm(event.request)) ?? new FormData();
		const slug = form.get('network');
		const networks = await networksOfFirm(app().database.db, firm.id);
		const chosen = networks.find((n) => n.slug === slug);
		if (!chosen) return formError(400, form, m.network_join_invalid());
		await leaveNetwork(app().database.db, { networkSlug: chosen.slug, firmId: firm.id });
		return { left: chosen.name };
	}
} satisfies Actions;
