import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { pilotsOfNetwork } from '$lib/server/pilot/create-pilot';
import { pilotFirms } from '$lib/server/pilot/pilot-firms';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const db = app().database.db;
	const pilots = await pilotsOfNetwork(db, network.id);
	const rows = await Promise.all(
		pilots.map(async (p) => {
			const firms = (await pilotFirms(db, p.id, network.id)).filter((f) => f.member);
			return { slug: p.slug, name: p.name, pilot: firms.filter((f) => f.arm === 'pilot').length, comparison: firms.filter((f) => f.arm === 'comparison').length };
		})
	);
	return { network: { slug: network.slug, name: network.name }, pilots: rows };
};
