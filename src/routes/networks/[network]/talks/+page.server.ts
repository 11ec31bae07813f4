import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { currentYear } from '$lib/web/annual-request';
import { yearSchema } from '$lib/domain/annual/talk';
import { talksOfYear, talkYears } from '$lib/server/annual/list-talks';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const asked = yearSchema.safeParse(event.url.searchParams.get('year') ?? '');
	const year = asked.success ? asked.data : currentYear();
	const db = app().database.db;
	const [talks, years] = await Promise.all([talksOfYear(db, network.id, year), talkYears(db, network.id)]);
	return {
		network: { slug: network.slug, name: network.name },
		year,
		years: [...new Set([currentYear(), year, ...years.map((y) => y.year)])].sort((a, b) => b - a),
		talks: talks.map((t) => ({ id: t.id, project: t.project, pilotSlug: t.pilotSlug, heldOn: t.heldOn, status: t.status })),
		saved: event.url.searchParams.has('saved')
	};
};
