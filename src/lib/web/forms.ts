// Reads a posted form with a zod schema. On failure it gives one plain message per field and the values
// as typed (never passwords), so the page can show both and nothing the person wrote is lost.
import { fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { withoutControlCharacters } from '../server/form-text';

export type FieldErrors = Record<string, string>;
export type FormFailure = ActionFailure<{ values: Record<string, string>; errors: FieldErrors; message?: string }>;

const SECRET_FIELDS = new Set(['password', 'passwordRepeat']);

export function formValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form.entries()) {
		if (typeof value === 'string' && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 5000);
	}
	return values;
}

export function parseForm<T extends z.ZodType>(schema: T, form: FormData): { ok: true; data: z.infer<T> } | { ok: false; failure: FormFailure } {
	const raw: Record<string, string> = {};
	for (const [key, value] of form.entries()) if (typeof value === 'string') raw[key] = value;
	const result = schema.safeParse(raw);
	if (result.success) return { ok: true, data: result.data };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? 'form');
		errors[key] ??= issue.message;
	}
	return { ok: false, failure: fail(400, { values: formValues(form), errors }) };
}

export function formError(status: number, form: FormData, message: string, errors: FieldErrors = {}): FormFailure {
	return fail(status, { values: formValues(form), errors, message });
}

export async function readForm(request: Request): Promise<FormData | null> {
	try {
		return withoutControlCharacters(await request.formData());
	} catch {
		return null;
	}
}
