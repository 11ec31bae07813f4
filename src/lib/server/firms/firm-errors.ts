// Turns create-firm error codes into a plain sentence that says what to fix, in the reader's language.
import * as m from '../../paraglide/messages.js';
import type { CreateFirmErrorCode, CreateFirmField } from './create-firm.schema';

export function firmErrorText(field: CreateFirmField, code: CreateFirmErrorCode): string {
	switch (field) {
		case 'name':
			return m.firm_error_name();
		case 'slug':
			return code === 'taken' ? m.firm_error_slug_taken() : m.firm_error_slug();
		case 'sector':
			return m.firm_error_sector();
		case 'province':
			return m.firm_error_province();
		case 'employees':
			return code === 'too_many' ? m.firm_error_too_large() : m.firm_error_employees();
		default:
			return m.common_form_has_errors();
	}
}
