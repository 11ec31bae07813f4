import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { firmsOfUser } from '$lib/server/firms/access';
import { requireUser } from '$lib/web/guards';

export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	return { firms: await firmsOfUser(app().database.db, user.id) };
};
