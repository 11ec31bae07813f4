import type { Actions, PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { uiLocale } from '$lib/locale';
import { currentBenchmark } from '$lib/server/network/current-benchmark';
import { benchmarkView } from '$lib/server/network/benchmark-view';
import { renderBenchmarkFragment } from '$lib/server/network/benchmark-html';
import { createNetworkInvitation, openNetworkInvitations, revokeNetworkInvitations } from '$lib/server/network/membership';
import { reportCss } from '$lib/server/report/web/report-css';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const db = app().database.db;
	const k = app().config.LEERKOMPAS_THRESHOLD;
	const { snapshot, members } = await currentBenchmark(db, network, k);
	const view = benchmarkView(network.name, snapshot, uiLocale(), members, k);
	const fragment = renderBenchmarkFragment(view, { pdf: snapshot ? `/networks/${network.slug}/benchmark.pdf` : undefined });
	return { title: view.title, html: fragment.value, css: reportCss, members, openLinks: await openNetworkInvitations(db, network.id) };
};

export const actions = {
	invite: async (event) => {
		const { network, user } = await requireNetwork(event);
		const { token } = await createNetworkInvitation(app().database.db, { networkId: network.id, createdBy: user.id });
		return { link: `${event.url.origin}/network-invitations/${token}` };
	},
	revoke: async (event) => {
		const { network } = await requireNetwork(event);
		await revokeNetworkInvitations(app().database.db, network.id);
		return { revoked: true };
	}
} satisfies Actions;
