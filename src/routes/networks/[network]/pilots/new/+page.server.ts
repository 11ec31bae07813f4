import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { createPilot } from '$lib/server/pilot/create-pilot';
import { createPilotErrorTexts } from '$lib/server/pilot/pilot-errors';
import { publishedEntries } from '$lib/server/knowledge/published-entries';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const entries = await publishedEntries(app().database.db);
	return {
		network: { slug: network.slug, name: network.name },
		entries: entries.map((e) => ({ slug: e.slug, title: e.title })).sort((a, b) => a.title.localeCompare(b.title, 'nl'))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { network } = await requireNetwork(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const input = { name: String(form.get('name') ?? ''), slug: String(form.get('slug') ?? ''), entry: String(form.get('entry') ?? '') };
		const result = await createPilot(app().database.db, network.id, input);
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), createPilotErrorTexts(result.errors, input));
		redirect(303, `/networks/${network.slug}/pilots/${result.pilot.slug}`);
	}
};
