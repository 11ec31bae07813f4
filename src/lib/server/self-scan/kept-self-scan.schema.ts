// The private link's token as it appears in the path: 48 random bytes in base64url. Anything else is
// refused before the database is asked.
import { z } from 'zod';

export const keptSelfScanTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{64}$/);

export function isKeptSelfScanToken(value: string): boolean {
	return keptSelfScanTokenSchema.safeParse(value).success;
}
