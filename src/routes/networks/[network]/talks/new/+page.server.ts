import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { currentYear, emptyTalkForm, talkErrorMessages, talkFormValues } from '$lib/web/annual-request';
import { yearSchema } from '$lib/domain/annual/talk';
import { saveTalk } from '$lib/server/annual/save-talk';
import { networkPilots } from '$lib/server/annual/figures';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const asked = yearSchema.safeParse(event.url.searchParams.get('year') ?? '');
	return {
		network: { slug: network.slug, name: network.name },
		pilots: await networkPilots(app().database.db, network.id),
		values: emptyTalkForm(asked.success ? asked.data : currentYear())
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { network, user } = await requireNetwork(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const values = talkFormValues(form);
		const result = await saveTalk(app().database.db, { networkId: network.id, talk: values, userId: user.id });
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), 'errors' in result ? talkErrorMessages(result.errors) : {});
		redirect(303, `/networks/${network.slug}/talks?year=${result.year}&saved`);
	}
};
