import { error, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { dayOf } from '$lib/server/clock';
import { requireCoordinator } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { storyForReview } from '$lib/server/stories/list-stories';
import { reviewStory } from '$lib/server/stories/review-story';
import { aspectLabel, costLabel, fundingLabel } from '$lib/menukaart-labels';
import { sectorLabel } from '$lib/firm-labels';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const story = await storyForReview(app().database.db, event.params.storyId);
	if (!story) error(404, m.common_error_not_found());
	return {
		story: {
			title: story.title,
			what: story.what,
			result: story.result,
			tip: story.tip,
			time: story.time,
			aspects: story.aspects.map(aspectLabel).join(', '),
			cost: costLabel(story.costBand),
			funding: story.funding.map(fundingLabel).join(', '),
			shownAs: story.showFirmName ? story.firm.name : m.menukaart_review_anonymous({ sector: sectorLabel(story.firm.sector) })
		},
		firmName: story.firm.name
	};
};

async function decide(event: Parameters<Actions[string]>[0], decision: 'approve' | 'return') {
	const user = requireCoordinator(event);
	const form = (await readForm(event.request)) ?? new FormData();
	const note = form.get('note');
	const result = await reviewStory(app().database.db, {
		storyId: event.params.storyId ?? '',
		userId: user.id,
		decision,
		note: typeof note === 'string' ? note : '',
		origin: app().origin,
		today: dayOf()
	});
	if (!result.ok) {
		if (result.reason === 'not-found') error(404, m.common_error_not_found());
		return formError(400, form, m.menukaart_review_note_missing(), { note: m.menukaart_review_note_missing() });
	}
	redirect(303, `/stories?${decision === 'approve' ? 'approved' : 'returned'}`);
}

export const actions: Actions = {
	approve: (event) => decide(event, 'approve'),
	return: (event) => decide(event, 'return')
};
