import { error, redirect, type Actions } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { app } from '$lib/web/app';
import { requireFirm } from '$lib/web/guards';
import { formError, readForm } from '$lib/web/forms';
import { findAction, notesOfAction } from '$lib/server/actions/find-action';
import { updateAction } from '$lib/server/actions/update-action';
import { addActionNote } from '$lib/server/actions/add-action-note';
import { actionFormInput, NOTE_MAX_LENGTH } from '$lib/server/actions/action-form.schema';
import { actionErrorTexts } from '$lib/server/actions/action-errors';
import { actionFormOptions } from '$lib/server/actions/form-options';
import { ACTION_STATUSES } from '$lib/domain/actions/action';
import { formatDay } from '$lib/server/scan/rounds/format-day';
import { dayOf } from '$lib/server/clock';
import { uiLocale } from '$lib/locale';
import * as m from '$lib/paraglide/messages';

export const load: PageServerLoad = async (event) => {
	const { firm } = await requireFirm(event, 'plan');
	const db = app().database.db;
	const action = await findAction(db, firm.id, event.params.actionId);
	if (!action) error(404, m.common_error_not_found());
	const notes = await notesOfAction(db, action.id);
	const values: Record<string, string> = {
		title: action.title,
		why: action.why,
		aspectId: action.aspectId ?? '',
		entrySlug: action.entrySlug ?? '',
		assigneeUserId: action.assigneeUserId ?? '',
		assigneeName: action.assigneeUserId ? '' : (action.assigneeName ?? ''),
		startsOn: action.startsOn ?? '',
		dueOn: action.dueOn ?? '',
		status: action.status
	};
	const locale = uiLocale();
	return {
		action: { id: action.id, title: action.title, values },
		notes: notes.map((n) => ({ id: n.id, text: n.text, line: n.writtenBy ? m.session_note_by({ date: formatDay(n.writtenOn, locale), name: n.writtenBy }) : formatDay(n.writtenOn, locale) })),
		options: await actionFormOptions(db, firm.id, locale),
		statuses: ACTION_STATUSES,
		noteMax: NOTE_MAX_LENGTH,
		noteAdded: event.url.searchParams.has('note')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { firm } = await requireFirm(event, 'plan');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const result = await updateAction(app().database.db, { firmId: firm.id, actionId: event.params.actionId ?? '', today: dayOf() }, actionFormInput(form));
		if (!result.ok && 'notFound' in result) error(404, m.common_error_not_found());
		if (!result.ok) return formError(400, form, m.common_form_has_errors(), actionErrorTexts(result.errors));
		redirect(303, `/firms/${firm.slug}/actions?saved`);
	},
	note: async (event) => {
		const { firm, user } = await requireFirm(event, 'plan');
		const form = await readForm(event.request);
		if (!form) return formError(400, new FormData(), m.common_form_has_errors());
		const text = form.get('text');
		const context = { firmId: firm.id, actionId: event.params.actionId ?? '', userId: user.id, today: dayOf() };
		const result = await addActionNote(app().database.db, context, { text: typeof text === 'string' ? text : null });
		if (!result.ok && 'notFound' in result) error(404, m.common_error_not_found());
		if (!result.ok) {
			const message = result.error === 'too_long' ? m.session_error_too_long() : m.session_note_required();
			return formError(400, form, message, { text: message });
		}
		redirect(303, `/firms/${firm.slug}/actions/${event.params.actionId}?note#notes`);
	}
};
