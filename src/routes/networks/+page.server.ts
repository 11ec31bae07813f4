import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { networksOfCoordinator } from '$lib/server/network/access';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { networks: await networksOfCoordinator(app().database.db, user.id), k: app().config.LEERKOMPAS_THRESHOLD };
};
