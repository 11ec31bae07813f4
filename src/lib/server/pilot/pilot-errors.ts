// Plain sentences for the pilot use cases' error codes, shared by the form actions and the CLI.
import * as m from '../../paraglide/messages.js';
import type { AddPilotFirmError } from './add-pilot-firm.schema';
import { PILOT_NAME_MAX_LENGTH, type CreatePilotErrors, type CreatePilotField } from './create-pilot.schema';

/** One sentence per field with a problem. */
export function createPilotErrorTexts(errors: CreatePilotErrors, input: { slug?: unknown; entry?: unknown }): Partial<Record<CreatePilotField, string>> {
	const texts: Partial<Record<CreatePilotField, string>> = {};
	if (errors.name === 'required') texts.name = m.pilot_error_name_required();
	if (errors.name === 'too_long') texts.name = m.pilot_error_name_too_long({ max: String(PILOT_NAME_MAX_LENGTH) });
	if (errors.slug === 'invalid') texts.slug = m.pilot_error_slug_invalid();
	if (errors.slug === 'taken') texts.slug = m.pilot_error_slug_taken({ value: String(input.slug ?? '').trim().toLowerCase() });
	if (errors.entry) texts.entry = m.pilot_error_entry_unknown({ value: String(input.entry ?? '') });
	return texts;
}

export function addPilotFirmErrorText(error: AddPilotFirmError): string {
	switch (error) {
		case 'not_member':
			return m.pilot_error_not_member();
		case 'round':
			return m.pilot_error_round();
		case 'after_not_later':
			return m.pilot_error_after_not_later();
		case 'other_arm':
			return m.pilot_error_other_arm();
		case 'other_before':
			return m.pilot_error_other_before();
	}
}
