// The plan pages' glue: a posted plan form as the domain reads it, its problems as sentences, and the labels
// the plan pages have in common.
import { error } from '@sveltejs/kit';
import * as m from '../paraglide/messages';
import type { PlanErrorCode, PlanErrors } from '../domain/plans/plan';
import type { UsageBand } from '../domain/self-scan/usage-band';
import { findMyPlan, type MyPlan } from '../server/plans/my-plans';
import { readForm } from './forms';
import { requireUser } from './guards';
import { app } from './app';
import type { RequestEvent } from '@sveltejs/kit';

export type PlanValues = Record<string, string | string[]>;

/** Every value per field name, as a form posts them (checkboxes send several). */
export async function postedFields(request: Request): Promise<Record<string, string[]>> {
	const form = (await readForm(request)) ?? new FormData();
	const posted: Record<string, string[]> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') (posted[name] ??= []).push(value.slice(0, 5000));
	return posted;
}

/** The posted fields back as the form's values, so nothing typed is lost on a refused save. */
export function valuesOf(posted: Record<string, string[]>): PlanValues {
	return Object.fromEntries(Object.entries(posted).map(([k, v]) => [k, k.endsWith('.ways') ? v : (v[0] ?? '')]));
}

const errorText: Record<PlanErrorCode, () => string> = {
	required: m.plans_error_required,
	too_long: m.plans_error_too_long,
	invalid: m.plans_error_invalid,
	invalid_date: m.plans_error_invalid_date,
	no_goal: m.plans_error_no_goal,
	too_many: m.plans_error_too_many
};

export function planErrorTexts(errors: PlanErrors): Record<string, string> {
	return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, errorText[code]()]));
}

export function bandText(band: UsageBand): string {
	if (band.kind === 'none') return m.plans_band_none();
	if (band.kind === 'fewerThan') return m.plans_band_fewer({ k: band.k });
	return m.plans_band_between({ low: band.low, high: band.high });
}

/** The signed-in author's plan; everyone else (owner, co-manager, adviser, admin) gets 404. */
export async function requireMyPlan(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): Promise<{ user: NonNullable<App.Locals['user']>; plan: MyPlan }> {
	const user = requireUser(event);
	const plan = await findMyPlan(app().database.db, user.id, event.params.id ?? '');
	if (!plan) error(404, m.common_error_not_found());
	return { user, plan };
}
