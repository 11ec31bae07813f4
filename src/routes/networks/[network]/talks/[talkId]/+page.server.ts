import { error, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { talkErrorMessages, talkFormValues, talkToFormValues } from '$lib/web/annual-request';
import { talkFigures } from '$lib/domain/annual/figures';
import { findTalk } from '$lib/server/annual/list-talks';
import { saveTalk } from '$lib/server/annual/save-talk';
import { latestBenchmark, networkPilots, pilotEvaluation } from '$lib/server/annual/figures';
import { talkFiguresText } from '$lib/server/annual/figures-text';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const db = app().database.db;
	const talk = await findTalk(db, network.id, event.params.talkId);
	if (!talk) error(404, m.common_error_not_found());
	const [evaluation, benchmark, pilots] = await Promise.all([
		talk.pilotSlug ? pilotEvaluation(db, network.id, talk.pilotSlug) : null,
		latestBenchmark(db, network.id, uiLocale()),
		networkPilots(db, network.id)
	]);
	return {
		network: { slug: network.slug, name: network.name },
		pilots,
		values: talkToFormValues(talk),
		figures: talkFiguresText(talkFigures({ evaluation, benchmark }), { isPilot: talk.pilotSlug !== null, locale: uiLocale() }),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { network, user } = await requireNetwork(event);
		const db = app().database.db;
		if (!(await findTalk(db, network.id, event.params.talkId ?? ''))) error(404, m.common_error_not_found());
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const result = await saveTalk(db, { networkId: network.id, talkId: event.params.talkId, talk: talkFormValues(form), userId: user.id });
		if (!result.ok && 'notFound' in result) error(404, m.common_error_not_found());
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), talkErrorMessages(result.errors));
		redirect(303, `/networks/${network.slug}/talks?year=${result.year}&saved`);
	}
};
