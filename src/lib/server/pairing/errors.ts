// Turns the pairing forms' error codes into a sentence that says what to fix, in the reader's language.
import * as m from '../../paraglide/messages.js';

const TEXTS: Record<string, () => string> = {
	name: m.pairing_error_name,
	email: m.pairing_error_email,
	capacity: m.pairing_error_capacity,
	no_labels: m.pairing_error_labels,
	label_too_long: m.pairing_error_label_too_long,
	too_many_labels: m.pairing_error_too_many_labels,
	day: m.pairing_error_day,
	what: m.pairing_error_what,
	note: m.pairing_error_note
};

export function pairingErrorTexts(errors: Record<string, string>): Record<string, string> {
	const texts: Record<string, string> = {};
	for (const [field, code] of Object.entries(errors)) texts[field] = (TEXTS[code] ?? TEXTS[field] ?? m.pairing_error_name)();
	return texts;
}
