// Random keys that live only in the respondent's browser; the server keeps nothing but their SHA-256.
import { createHash, createHmac, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url: 43 characters. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newKey(): string {
	return randomBytes(32).toString('base64url');
}

export function isKey(value: unknown): value is string {
	return typeof value === 'string' && KEY_PATTERN.test(value);
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/**
 * The submission key of a draft, derived from the draft key so nothing extra is stored. It goes into the
 * send form as a hidden field: a second post of that form (double tap, back button, refresh) carries the
 * same key and finds the receipt of the first. Knowing it does not reveal the draft key.
 */
export function submissionKeyFor(draftKey: string): string {
	return createHmac('sha256', draftKey).update('leerkompas submission key').digest('base64url');
}
