import type { LayoutServerLoad } from './$types';
import { requireNetwork } from '$lib/web/guards';

export const load: LayoutServerLoad = async (event) => {
	const { network, role } = await requireNetwork(event);
	return { network: { slug: network.slug, name: network.name, kind: network.kind }, networkRole: role };
};
