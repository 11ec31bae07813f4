import { redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { createRound } from '$lib/server/scan/rounds/create-round';
import { addDays, DEFAULT_ROUND_DAYS, MAX_CARDS, MAX_INVITED } from '$lib/server/scan/rounds/create-round.schema';
import { roundErrorTexts } from '$lib/server/scan/rounds/round-errors';
import { dayOf } from '$lib/server/clock';
import * as m from '$lib/paraglide/messages';
import { fewEmployeesForThreshold, seasonOf } from '$lib/domain/rounds/round-advice';
import { offeredFollowupActions } from '$lib/server/scan/rounds/followup-offer';
import { MAX_FOLLOWUPS } from '$lib/domain/followup/followup';

// Owners and co-managers start rounds they hold themselves; an adviser with the firm's consent starts a
// supervised round, whose link and cards only that adviser holds (scan/rounds/round-holder.ts).
export const load: PageServerLoad = async (event) => {
	const { firm, role } = await requireFirm(event, 'rounds');
	const today = dayOf();
	const threshold = app().config.LEERKOMPAS_THRESHOLD;
	const { season, year } = seasonOf(today);
	return {
		nameExample: season === 'spring' ? m.scan_season_spring({ year: String(year) }) : m.scan_season_autumn({ year: String(year) }),
		employees: firm.employees,
		fewEmployees: fewEmployeesForThreshold(firm.employees, threshold),
		defaults: { opensOn: today, closesOn: addDays(today, DEFAULT_ROUND_DAYS), invited: String(Math.min(MAX_INVITED, firm.employees)) },
		limits: { cards: MAX_CARDS, invited: MAX_INVITED },
		threshold,
		firmTooSmall: firm.employees < threshold,
		supervised: role === 'adviser',
		// Finished actions the team can be asked about ("Heeft … geholpen?"), each in one round only.
		followupActions: await offeredFollowupActions(app().database.db, firm.id),
		maxFollowups: MAX_FOLLOWUPS
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { firm, role, user } = await requireFirm(event, 'rounds');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = (key: string) => {
			const value = form.get(key);
			return typeof value === 'string' ? value : '';
		};
		const followups = form.getAll('followups').filter((v): v is string => typeof v === 'string');
		const result = await createRound(app().database.db, {
			firm,
			threshold: app().config.LEERKOMPAS_THRESHOLD,
			today: dayOf(),
			supervisor: role === 'adviser' ? { id: user.id, name: user.name } : null,
			input: {
				name: text('name'),
				opensOn: text('opensOn'),
				closesOn: text('closesOn'),
				invited: text('invited'),
				teams: text('teams'),
				inviteMode: text('inviteMode'),
				cards: text('cards'),
				openAnswersVerbatim: text('openAnswersVerbatim'),
				followups
			}
		});
		// The ticks come back as one value, so the page can tick them again.
		form.set('followups', followups.join(','));
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), roundErrorTexts(result.errors));
		redirect(303, `/firms/${firm.slug}/rounds/${result.round.id}`);
	}
};
