import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireCoordinator } from '$lib/web/guards';
import { storiesForReview } from '$lib/server/stories/list-stories';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const stories = await storiesForReview(app().database.db);
	return { stories: stories.map((s) => ({ id: s.id, title: s.title, firmName: s.firm.name })) };
};
