import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { postedFields, requireMyPlan, valuesOf } from '$lib/web/plans';
import { sectionsFromForm } from '$lib/domain/plans/plan';
import { changeShare, shareWithColleague, shareWithFirm, sharesOfMyPlan, stopSharing, type ShareResult } from '$lib/server/plans/share-plan';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { user, plan } = await requireMyPlan(event);
	const shares = await sharesOfMyPlan(app().database.db, user.id, plan.id);
	return {
		plan: { id: plan.id, title: plan.title },
		shares: shares.map((s) => ({ ...s, sharedOn: formatDay(s.sharedOn, uiLocale()) })),
		code: event.url.searchParams.get('code') ?? '',
		done: event.url.searchParams.has('shared'),
		stopped: event.url.searchParams.has('stopped')
	};
};

const refusal: Record<Exclude<ShareResult, { ok: true }>['reason'], { field: string; text: () => string }> = {
	not_found: { field: 'form', text: m.common_error_not_found },
	unknown_code: { field: 'code', text: m.plans_error_unknown_code },
	invalid_email: { field: 'email', text: m.plans_error_email },
	own_address: { field: 'email', text: m.plans_error_own_address },
	no_section: { field: 'sections', text: m.plans_error_no_section }
};

function refused(kind: 'firm' | 'colleague' | `change-${string}`, posted: Record<string, string[]>, result: Exclude<ShareResult, { ok: true }>) {
	if (result.reason === 'not_found') error(404, m.common_error_not_found());
	const { field, text } = refusal[result.reason];
	return fail(400, { kind, values: valuesOf(posted), errors: { [field]: text() }, message: text() });
}

export const actions: Actions = {
	firm: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		const posted = await postedFields(event.request);
		const result = await shareWithFirm(app().database.db, { userId: user.id, planId: plan.id, code: posted.code?.[0] ?? '', sections: sectionsFromForm(posted.sections ?? []), today: dayOf() });
		if (!result.ok) return refused('firm', posted, result);
		redirect(303, `/me/plans/${plan.id}/share?shared`);
	},
	colleague: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		const posted = await postedFields(event.request);
		const result = await shareWithColleague(app().database.db, { userId: user.id, planId: plan.id, email: posted.email?.[0] ?? '', sections: sectionsFromForm(posted.sections ?? []), today: dayOf() });
		if (!result.ok) return refused('colleague', posted, result);
		redirect(303, `/me/plans/${plan.id}/share?shared`);
	},
	change: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		const posted = await postedFields(event.request);
		const result = await changeShare(app().database.db, user.id, posted.share?.[0] ?? '', sectionsFromForm(posted.sections ?? []));
		// Keyed by the share, so the message and the ticks come back beside the share that was refused.
		if (!result.ok) return refused(`change-${posted.share?.[0] ?? ''}`, posted, result);
		redirect(303, `/me/plans/${plan.id}/share?shared`);
	},
	stop: async (event) => {
		const { user, plan } = await requireMyPlan(event);
		const posted = await postedFields(event.request);
		if (!(await stopSharing(app().database.db, user.id, posted.share?.[0] ?? ''))) error(404, m.common_error_not_found());
		redirect(303, `/me/plans/${plan.id}/share?stopped`);
	}
};
