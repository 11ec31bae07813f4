import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { readForm } from '$lib/web/forms';
import { yearParam } from '$lib/web/annual-request';
import { ANNUAL_TEXT_MAX, readAnnualText, saveAnnualText } from '$lib/server/annual/annual-text';
import { markdownPreview } from '$lib/server/annual/markdown-preview';
import { fail } from '@sveltejs/kit';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { network } = await requireNetwork(event);
	const year = yearParam(event);
	const text = await readAnnualText(app().database.db, network.id, year);
	return {
		network: { slug: network.slug, name: network.name },
		year,
		values: { introduction: text.introduction, conclusions: text.conclusions },
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { network, user } = await requireNetwork(event);
		const year = yearParam(event);
		const form = (await readForm(event.request)) ?? new FormData();
		const field = (key: string) => {
			const v = form.get(key);
			return typeof v === 'string' ? v.slice(0, ANNUAL_TEXT_MAX + 1000) : '';
		};
		const values = { introduction: field('introduction'), conclusions: field('conclusions') };
		if (form.get('intent') === 'preview') {
			return { values, preview: { introduction: markdownPreview(values.introduction), conclusions: markdownPreview(values.conclusions) } };
		}
		const saved = await saveAnnualText(app().database.db, { networkId: network.id, text: { year, ...values }, userId: user.id });
		if (!saved.ok) {
			const errors = Object.fromEntries(saved.fields.map((f) => [f, m.annual_edit_too_long()]));
			return fail(400, { values, errors, message: m.common_form_has_errors() });
		}
		redirect(303, `/networks/${network.slug}/annual/${year}/edit?saved`);
	}
};
