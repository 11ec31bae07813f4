// Turns action error codes into a sentence that says what to fix, in the reader's language.
import * as m from '../../paraglide/messages.js';
import type { ActionErrorCode, ActionErrors, ActionField } from './action-form.schema';

export function actionErrorText(field: ActionField, code: ActionErrorCode): string {
	if (code === 'too_long') return m.session_error_too_long();
	if (code === 'invalid_date') return m.session_error_date();
	if (code === 'due_before_start') return m.session_error_due_before_start();
	if (code === 'unknown_entry') return m.session_error_entry();
	if (code === 'not_a_member') return m.session_error_member();
	return field === 'title' ? m.session_error_title() : m.session_error_invalid();
}

export function actionErrorTexts(errors: ActionErrors): Record<string, string> {
	const texts: Record<string, string> = {};
	for (const [field, code] of Object.entries(errors) as [ActionField, ActionErrorCode][]) texts[field] = actionErrorText(field, code);
	return texts;
}
