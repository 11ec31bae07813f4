import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { storiesOfFirm } from '$lib/server/stories/list-stories';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'manage');
	const stories = await storiesOfFirm(app().database.db, firm.id);
	return { stories: stories.map((s) => ({ id: s.id, title: s.title, status: s.status, reviewNote: s.reviewNote })) };
};
