// The secrets in invitation links and on cards. A link token is long and only ever clicked or scanned;
// short codes are typed by people, so they use capitals and digits that cannot be mistaken for each
// other (no 0/O, 1/I/L); the survey side reads them case-insensitively (survey/find-round.schema.ts).
import { randomBytes, randomInt } from 'node:crypto';

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** 31^10 ≈ 8·10^14 codes: guessing one of a few thousand live codes takes hundreds of billions of tries. */
export const SHORT_CODE_LENGTH = 10;
export const CARD_CODE_LENGTH = 10;

/** 32 random bytes, base64url: the token in the survey link `/s/TOKEN`. */
export function newLinkToken(): string {
	return randomBytes(32).toString('base64url');
}

export function newCode(length: number): string {
	let code = '';
	// randomInt draws without modulo bias.
	for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return code;
}

/** The code in the short link `/r/CODE`, short enough for an SMS. */
export function newShortCode(): string {
	return newCode(SHORT_CODE_LENGTH);
}

/** The code on one card, for `/k/CODE` or to type in at `/k`. */
export function newCardCode(): string {
	return newCode(CARD_CODE_LENGTH);
}

/** Printed in two groups, "K7MQ9-XHT4P", which is easier to copy than ten characters in a row. */
export function formatCode(code: string): string {
	const half = Math.ceil(code.length / 2);
	return `${code.slice(0, half)}-${code.slice(half)}`;
}
