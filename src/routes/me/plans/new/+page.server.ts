import { fail, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireUser } from '$lib/web/guards';
import { planErrorTexts, postedFields, valuesOf } from '$lib/web/plans';
import { offerOptions } from '$lib/server/plans/offer-options';
import { readSelfScanAnswers, selfScanLocale } from '$lib/web/self-scan';
import { planAsValues, planContentFromForm } from '$lib/domain/plans/plan';
import { planFromSelfScan } from '$lib/domain/plans/from-self-scan';
import { createPlan } from '$lib/server/plans/my-plans';
import { selfScanQuestionnaire } from '$lib/server/self-scan/questionnaire';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	requireUser(event);
	return { offers: await offerOptions(app().database.db, dayOf()), defaultTitle: m.plans_default_title() };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const posted = await postedFields(event.request);
		const parsed = planContentFromForm(posted);
		if (!parsed.ok) return fail(400, { values: valuesOf(posted), errors: planErrorTexts(parsed.errors), message: m.plans_error_form(), fromSelfScan: false });
		const id = await createPlan(app().database.db, user.id, parsed.content);
		redirect(303, `/me/plans/${id}?saved`);
	},
	// The self-scan's result page posts its answers here: they fill the form, and nothing is stored until the worker saves.
	fromSelfScan: async (event) => {
		requireUser(event);
		const questionnaire = selfScanQuestionnaire();
		const read = await readSelfScanAnswers(event.request, questionnaire);
		if (!read.ok) redirect(303, '/me/plans/new');
		const content = planFromSelfScan(questionnaire, read.answers, selfScanLocale(), {
			title: m.plans_default_title(),
			helps: (list) => m.plans_self_scan_helps({ list }),
			inTheWay: (list) => m.plans_self_scan_in_the_way({ list })
		});
		return { values: planAsValues(content), errors: {}, message: undefined, fromSelfScan: true };
	}
};
