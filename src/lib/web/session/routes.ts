// The follow-up session's loads and form actions, shared by the two places it lives: a round's session
// (/firms/…/rounds/…/session) and a small firm's conversation without a round (/firms/…/session).
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { app } from '../app';
import { formError, readForm } from '../forms';
import { agreeOnAction } from '../../server/session/agree-on-action';
import { searchQuerySchema } from '../../server/knowledge/search-entries.schema';
import { actionFormInput } from '../../server/actions/action-form.schema';
import { actionErrorTexts } from '../../server/actions/action-errors';
import { MAX_SESSION_ACTIONS } from '../../domain/actions/action';
import { ACTIONS_STEP } from '../../domain/session/steps';
import { dayOf } from '../../server/clock';
import { pdfResponse } from '../../server/pdf/typst';
import { SESSION_NOTE_MAX_LENGTH } from '../../server/session/save-session-note.schema';
import { saveSessionNote } from '../../server/session/save-session-note';
import { planOf, sessionScreen, stepTitle } from '../../server/session/session-page';
import { handoutPdf } from '../../server/session/handout';
import { sessionForRequest } from './request';
import * as m from '../../paraglide/messages.js';

type Event = Pick<RequestEvent, 'locals' | 'url' | 'params' | 'request'>;

export async function loadSessionIntro(event: Event) {
	const { source, base, exit } = await sessionForRequest(event);
	const plan = planOf(source);
	return {
		base,
		exit,
		roundName: source.round?.name ?? null,
		withFigures: plan.withFigures,
		threshold: app().config.LEERKOMPAS_THRESHOLD,
		first: plan.steps[0]?.id ?? ACTIONS_STEP,
		titles: plan.steps.map((s) => ({ id: s.id, title: stepTitle(s.id, plan, source.locale) }))
	};
}

export async function loadSessionStep(event: Event) {
	const { source, base, firm, exit } = await sessionForRequest(event);
	const query = searchQuerySchema.parse(event.url.searchParams.get('q') ?? '');
	const screen = await sessionScreen(app().database.db, source, event.params.step ?? '', query);
	if (!screen) error(404, m.common_error_not_found());
	return {
		base,
		exit,
		planUrl: `/firms/${firm.slug}/actions`,
		roundName: source.round?.name ?? null,
		screen,
		noteMax: SESSION_NOTE_MAX_LENGTH,
		saved: event.url.searchParams.has('saved'),
		agreed: event.url.searchParams.has('agreed')
	};
}

export const sessionStepActions = {
	note: async (event: Event) => {
		const { source, base, user } = await sessionForRequest(event);
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = form.get('text');
		const step = event.params.step ?? '';
		const key = { firmId: source.firmId, roundId: source.round?.id ?? null, userId: user.id };
		const result = await saveSessionNote(app().database.db, key, { step, text: typeof text === 'string' ? text : null });
		if (!result.ok) {
			const message = result.error === 'too_long' ? m.session_note_too_long({ max: SESSION_NOTE_MAX_LENGTH }) : m.session_note_invalid();
			return formError(400, form, message, { text: message });
		}
		redirect(303, `${base}/${step}?saved`);
	},
	agree: async (event: Event) => {
		const { source, base, user } = await sessionForRequest(event);
		if (event.params.step !== ACTIONS_STEP) error(404, m.common_error_not_found());
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const context = { firmId: source.firmId, roundId: source.round?.id ?? null, userId: user.id, today: dayOf(), recommendations: source.recommendations };
		const recommendation = form.get('recommendation');
		const result = await agreeOnAction(app().database.db, context, { ...actionFormInput(form), recommendation: typeof recommendation === 'string' ? recommendation : null });
		if (!result.ok && 'full' in result) return formError(409, form, m.session_actions_full_error({ max: MAX_SESSION_ACTIONS }));
		if (!result.ok && 'notRecommended' in result) return formError(409, form, m.session_recommendation_gone());
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), actionErrorTexts(result.errors));
		redirect(303, `${base}/${ACTIONS_STEP}?agreed`);
	}
};

export async function sessionHandout(event: Event): Promise<Response> {
	const { source, firm } = await sessionForRequest(event);
	const rendered = await handoutPdf(app().database.db, source, firm.name);
	const name = source.round ? `leerkompas-${firm.slug}-${source.round.name}-sessie.pdf` : `leerkompas-${firm.slug}-teamgesprek.pdf`;
	return pdfResponse(rendered.pdf, name, { inline: true });
}
