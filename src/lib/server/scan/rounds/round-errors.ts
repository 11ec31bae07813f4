// Turns create-round error codes into a sentence that says what to fix, in the reader's language.
import * as m from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import { MAX_FOLLOWUPS } from '../../../domain/followup/followup';
import type { CreateRoundErrorCode, CreateRoundErrors, CreateRoundField } from './create-round.schema';

export function roundErrorText(field: CreateRoundField, code: CreateRoundErrorCode, locale?: Locale): string {
	const options = locale ? { locale } : {};
	switch (field) {
		case 'name':
			return code === 'taken' ? m.scan_error_name_taken({}, options) : m.scan_error_name({}, options);
		case 'opensOn':
			return m.scan_error_date({}, options);
		case 'closesOn':
			return code === 'closes_before_opens' ? m.scan_error_closes_before_opens({}, options) : m.scan_error_date({}, options);
		case 'invited':
			return code === 'more_than_staff' ? m.scan_error_invited_staff({}, options) : m.scan_error_invited({}, options);
		case 'teams':
			return m.scan_error_teams({}, options);
		case 'cards':
			return code === 'more_than_invited' ? m.scan_error_cards_invited({}, options) : m.scan_error_cards({}, options);
		case 'followups':
			return code === 'too_many' ? m.followup_error_too_many({ max: MAX_FOLLOWUPS }, options) : m.followup_error_invalid({}, options);
		default:
			return m.scan_error_invalid({}, options);
	}
}

export function roundErrorTexts(errors: CreateRoundErrors, locale?: Locale): Record<string, string> {
	const texts: Record<string, string> = {};
	for (const [field, code] of Object.entries(errors) as [CreateRoundField, CreateRoundErrorCode][]) texts[field] = roundErrorText(field, code, locale);
	return texts;
}
