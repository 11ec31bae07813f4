// The link in every reminder that stops it without signing in: who, which firm and which mail, signed with a
// secret kept in the database, so nobody can make a link that stops someone else's mails.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { ACTION_MAIL_KINDS } from '../db/schema';

export const STOP_SECRET_NAME = 'action_mail_stop_secret';

const payloadSchema = z.object({
	u: z.string().min(1).max(200),
	f: z.uuid(),
	k: z.enum(ACTION_MAIL_KINDS)
});

export interface StopRequest {
	userId: string;
	firmId: string;
	kind: (typeof ACTION_MAIL_KINDS)[number];
}

export function stopToken(secret: string, request: StopRequest): string {
	const payload = Buffer.from(JSON.stringify({ u: request.userId, f: request.firmId, k: request.kind })).toString('base64url');
	return `${payload}.${sign(secret, payload)}`;
}

/** The request in a token, or null when it was changed, cut short or signed with another secret. */
export function readStopToken(secret: string, token: string): StopRequest | null {
	const [payload, signature, ...rest] = token.split('.');
	if (!payload || !signature || rest.length > 0) return null;
	const expected = Buffer.from(sign(secret, payload));
	const given = Buffer.from(signature);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	let raw: unknown;
	try {
		raw = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	const parsed = payloadSchema.safeParse(raw);
	return parsed.success ? { userId: parsed.data.u, firmId: parsed.data.f, kind: parsed.data.k } : null;
}

function sign(secret: string, payload: string): string {
	return createHmac('sha256', secret).update(`action-mail-stop:${payload}`).digest('base64url');
}
