// PostgreSQL cannot store NUL in text, and no person types control characters: drop them (tab and line
// breaks stay) from every posted field, so a hostile post gets a normal answer instead of a database error.
// Files (an uploaded CSV) are left as they are; their own reader checks them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function withoutControlCharacters(form: FormData): FormData {
	const clean = new FormData();
	for (const [key, value] of form.entries()) {
		clean.append(key.replace(CONTROL_CHARACTERS, ''), typeof value === 'string' ? value.replace(CONTROL_CHARACTERS, '') : value);
	}
	return clean;
}
