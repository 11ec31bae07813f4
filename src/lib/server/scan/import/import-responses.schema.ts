// What an import needs: the round's name and the file's text. The name follows the rules of a new round.
import { z } from 'zod';
import { ROUND_NAME_MAX_LENGTH, type CreateRoundErrors } from '../rounds/create-round.schema';

/** The web upload refuses bigger files before reading them; 2 MB holds thousands of responses. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export interface ImportInput {
	roundName: string;
	csv: string;
}

export const importInputSchema = z.object({
	roundName: z
		.string({ error: 'required' })
		.trim()
		.min(1, { error: 'required' })
		.max(ROUND_NAME_MAX_LENGTH, { error: 'too_long' }),
	csv: z.string()
});

export type ParsedImportInput = { ok: true; data: z.output<typeof importInputSchema> } | { ok: false; errors: CreateRoundErrors };

export function parseImportInput(input: unknown): ParsedImportInput {
	const parsed = importInputSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === 'roundName');
	return { ok: false, errors: { name: nameIssue?.message === 'too_long' ? 'too_long' : 'required' } };
}

/** Bytes as text: UTF-8, with or without a byte order mark. Null when the file is not text (e.g. an .xlsx). */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
	try {
		const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
		// A NUL byte never occurs in a text file, but always in a spreadsheet or zip saved by mistake.
		return text.includes('\u0000') ? null : text;
	} catch {
		return null;
	}
}
