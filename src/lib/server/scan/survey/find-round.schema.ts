// What a link token, short code or card code may look like. Checked before any query, so odd input
// (too long, odd characters) never reaches the database and answers the same as an unknown code.
import { z } from 'zod';

export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);

/**
 * People type card codes from paper: case, spaces and dashes do not matter. Codes are stored in capitals
 * without separators.
 */
export function normalizeCode(raw: string): string {
	return raw.replace(/[\s.\-_]+/g, '').toUpperCase();
}

export const codeSchema = z
	.string()
	.max(64)
	.transform(normalizeCode)
	.pipe(z.string().regex(/^[A-Z0-9]{4,32}$/));

export function parseLinkToken(value: unknown): string | null {
	const parsed = linkTokenSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}

export function parseCode(value: unknown): string | null {
	const parsed = codeSchema.safeParse(value);
	return parsed.success ? parsed.data : null;
}
