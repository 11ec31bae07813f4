import { error, type Actions, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireNetwork } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { findPilot } from '$lib/server/pilot/create-pilot';
import { addPilotFirm, currentMemberFirms } from '$lib/server/pilot/pilot-firms';
import { addPilotFirmSchema } from '$lib/server/pilot/add-pilot-firm.schema';
import { addPilotFirmErrorText } from '$lib/server/pilot/pilot-errors';
import { evaluatePilotNow } from '$lib/server/pilot/evaluation';
import { pilotPlan } from '$lib/server/pilot/pilot-plan';
import { readPilot } from '$lib/server/pilot/round-figures';
import { publishedEntry } from '$lib/server/knowledge/read-entry';
import { dayOf } from '$lib/server/clock';
import { aspectLabel } from '$lib/menukaart-labels';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

// The "work it out yourself" form is a GET: nothing is stored, and it works without JavaScript.
const tryQuery = z.object({ j: z.coerce.number().int().min(1).max(1000), m: z.coerce.number().int().min(1).max(5000) });

async function pilotOf(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const access = await requireNetwork(event);
	const found = await findPilot(app().database.db, access.network.id, event.params.pilot ?? '');
	if (!found) error(404, m.common_error_not_found());
	return { network: access.network, pilot: found };
}

export const load: PageServerLoad = async (event) => {
	const { network, pilot } = await pilotOf(event);
	const db = app().database.db;
	const { config } = app();
	const k = config.LEERKOMPAS_THRESHOLD;
	const today = dayOf();
	const locale = uiLocale();
	const number = (value: number, digits = 2) => new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
	const signed = (value: number) => (value > 0 ? `+${number(value)}` : number(value));
	const dateText = (day: string) => new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

	const asked = event.url.searchParams.has('j') ? tryQuery.safeParse({ j: event.url.searchParams.get('j'), m: event.url.searchParams.get('m') }) : null;
	// The pilot's firms and their rounds' figures are read once and shared: the evaluation and the plan see the
	// same published versions. One after the other: reading a round's figures may publish a version.
	const reading = await readPilot(db, { id: pilot.id, networkId: network.id }, today);
	const firms = reading.firms;
	const members = await currentMemberFirms(db, network.id);
	const state = await evaluatePilotNow(db, { id: pilot.id, slug: pilot.slug, networkId: network.id }, { today, k, reading });
	const plan = await pilotPlan(db, { id: pilot.id, networkId: network.id }, { today, k, reading, ...(asked?.success ? { firmsPerArm: asked.data.j, respondentsPerFirm: asked.data.m } : {}) });
	const entry = pilot.entrySlug ? await publishedEntry(db, pilot.entrySlug) : null;
	const round = (r: { name: string; opensOn: string }) => m.pilot_round_label({ name: r.name, date: dateText(r.opensOn) });
	const iccSources = new Set(plan.aspects.map((a) => a.icc.source));
	const evaluation = state.latest ?? (state.counts ? { version: null, publishedOn: null, evaluation: state.counts } : null);
	return {
		network: { slug: network.slug, name: network.name },
		pilot: { slug: pilot.slug, name: pilot.name, entry: entry ? { slug: pilot.entrySlug, title: entry.entry.title } : null },
		k,
		firms: firms.map((f) => ({ id: f.firmId, name: f.firmName, arm: f.arm, before: round(f.before), after: f.after ? round(f.after) : null, member: f.member })),
		members: members.map((f) => ({ id: f.id, name: f.name, rounds: f.rounds.map((r) => ({ id: r.id, label: round(r) })) })),
		plan: {
			firmsPerArm: plan.firmsPerArm,
			respondents: plan.respondentsPerFirm,
			respondentsSource: plan.respondentsSource,
			largest: plan.largest === null || plan.firmsPerArm < 1 ? null : number(plan.largest, 1),
			iccNetworkFirms: iccSources.has('network') ? Math.max(...plan.aspects.map((a) => a.icc.firms)) : null,
			askedError: asked !== null && !asked.success,
			aspects: plan.aspects.map((a) => ({ id: a.id, label: aspectLabel(a.id), mde: a.mde === null ? null : number(a.mde, 1), icc: number(a.icc.icc) }))
		},
		evaluation: evaluation
			? {
					version: evaluation.version,
					date: evaluation.publishedOn === null ? null : dateText(evaluation.publishedOn),
					aspects: evaluation.evaluation.aspects.map((a) => ({
						id: a.id,
						label: aspectLabel(a.id),
						pilotFirms: a.pilot.firms,
						comparisonFirms: a.comparison.firms,
						pilotChange: a.pilot.change === null ? null : signed(a.pilot.change),
						comparisonChange: a.comparison.change === null ? null : signed(a.comparison.change),
						did: a.did === null ? null : signed(a.did),
						ci: a.ci95 ? { low: signed(a.ci95[0]), high: signed(a.ci95[1]) } : null,
						effect: a.effectSize === null ? null : signed(a.effectSize),
						advice: a.did === null ? null : !a.ci95 ? 'unclear' : a.ci95[0] > 0 ? 'positive' : a.ci95[1] < 0 ? 'negative' : 'unclear'
					}))
				}
			: null
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { network, pilot } = await pilotOf(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const raw = { firm: form.get('firm'), arm: form.get('arm'), before: form.get('before'), after: form.get('after') ?? '' };
		const parsed = addPilotFirmSchema.safeParse(raw);
		if (!parsed.success) {
			const errors: Record<string, string> = {};
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0]);
				errors[field] ??= field === 'firm' ? m.pilot_error_firm() : field === 'arm' ? m.pilot_error_arm() : field === 'before' ? m.pilot_error_before() : m.pilot_error_round();
			}
			return formError(400, form, m.common_form_has_errors(), errors);
		}
		const result = await addPilotFirm(app().database.db, { pilotId: pilot.id, networkId: network.id }, parsed.data);
		if (!result.ok) {
			const field = result.error === 'not_member' ? 'firm' : result.error === 'other_arm' ? 'arm' : result.error === 'after_not_later' ? 'after' : 'before';
			return formError(400, form, addPilotFirmErrorText(result.error), { [field]: addPilotFirmErrorText(result.error) });
		}
		return { added: true };
	}
};
