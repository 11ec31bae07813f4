import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { planErrorTexts, postedFields, requireMyPlan, valuesOf } from '$lib/web/plans';
import { offerOptions } from '$lib/server/plans/offer-options';
import { planAsValues, planContentFromForm } from '$lib/domain/plans/plan';
import { deletePlan, updatePlan } from '$lib/server/plans/my-plans';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';

// Only the author reaches a plan: requireMyPlan answers 404 to everyone else, whatever role they hold.
export const load: PageServerLoad = async (event) => {
	const { plan } = await requireMyPlan(event);
	return {
		plan: { id: plan.id, title: plan.title },
		values: planAsValues(plan),
		offers: await offerOptions(app().database.db, dayOf(), [plan]),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		const posted = await postedFields(event.request);
		const parsed = planContentFromForm(posted);
		if (!parsed.ok) return fail(400, { values: valuesOf(posted), errors: planErrorTexts(parsed.errors), message: m.plans_error_form() });
		if (!(await updatePlan(app().database.db, user.id, plan.id, parsed.content))) error(404, m.common_error_not_found());
		redirect(303, `/me/plans/${plan.id}?saved`);
	},
	delete: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		await deletePlan(app().database.db, user.id, plan.id);
		redirect(303, '/me/plans?deleted');
	}
};
