// The address someone just signed up (or tried to sign in) with, kept for the "check your mail" page in a
// short-lived cookie of this browser, so the address stays out of the page's URL, history and server logs.
import type { Cookies } from '@sveltejs/kit';
import { z } from 'zod';
import { safeReturnPath } from '../../domain/return-path';

const COOKIE = 'leerkompas-check-mail';
const pending = z.object({ email: z.string().max(254), returnTo: z.string().max(2048) });
export type PendingEmail = z.infer<typeof pending>;

export function rememberPendingEmail(cookies: Cookies, url: URL, value: PendingEmail) {
	cookies.set(COOKIE, JSON.stringify(value), { path: '/check-mail', maxAge: 60 * 60, httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

export function pendingEmail(cookies: Cookies): PendingEmail | null {
	try {
		const parsed = pending.safeParse(JSON.parse(cookies.get(COOKIE) ?? 'null'));
		return parsed.success ? { email: parsed.data.email, returnTo: safeReturnPath(parsed.data.returnTo, '/firms') } : null;
	} catch {
		return null;
	}
}
