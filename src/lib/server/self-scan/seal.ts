// Sealing a kept self-scan. The private link's token is a random lookup part and a random AES-256 key, side
// by side; the server sees the token only while it answers one request. It stores the ciphertext, the IV and a
// SHA-256 hash of the token, never the key, so the database alone cannot open a scan, and a lost link cannot
// be recovered by anyone.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { selfScanAnswersSchema, type SelfScanAnswers } from '../../domain/self-scan/questionnaire';

const LOOKUP_BYTES = 16;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Bound into the ciphertext, so a sealed scan cannot pass for anything else. */
const ASSOCIATED_DATA = Buffer.from('leerkompas self-scan v1');

export interface SealedSelfScan {
	token: string;
	tokenHash: string;
	iv: string;
	ciphertext: string;
}

export function tokenHash(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sealSelfScan(answers: SelfScanAnswers): SealedSelfScan {
	const key = randomBytes(KEY_BYTES);
	const token = Buffer.concat([randomBytes(LOOKUP_BYTES), key]).toString('base64url');
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(ASSOCIATED_DATA);
	const sealed = Buffer.concat([cipher.update(JSON.stringify(answers), 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return { token, tokenHash: tokenHash(token), iv: iv.toString('base64'), ciphertext: sealed.toString('base64') };
}

/** The answers, or null when the token's key does not open this ciphertext (a wrong or altered link or row). */
export function openSelfScan(token: string, stored: { iv: string; ciphertext: string }): SelfScanAnswers | null {
	const key = Buffer.from(token, 'base64url').subarray(LOOKUP_BYTES);
	const sealed = Buffer.from(stored.ciphertext, 'base64');
	if (key.length !== KEY_BYTES || sealed.length < TAG_BYTES) return null;
	try {
		const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(stored.iv, 'base64'), { authTagLength: TAG_BYTES });
		decipher.setAAD(ASSOCIATED_DATA);
		decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
		const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
		const parsed = selfScanAnswersSchema.safeParse(JSON.parse(plain.toString('utf8')));
		return parsed.success ? parsed.data : null;
	} catch {
		return null;
	}
}
