// "Keep in my account", told truthfully: the private links of a worker's kept self-scans, remembered in their
// own browser (an HttpOnly cookie sent only to /self-scan pages), never in the database. A list in the account
// would need a key that neither the firm nor whoever holds the database has; the only such secret an account
// has is its password, which Leerkompas does not keep and which a reset or a magic link replaces (docs/privacy.md).
import type { Cookies } from '@sveltejs/kit';
import { isKeptSelfScanToken } from '../server/self-scan/kept-self-scan.schema';

const COOKIE = 'lk_kept_scans';
const MAX_LINKS = 10;

export function rememberedScans(cookies: Cookies): string[] {
	return (cookies.get(COOKIE) ?? '')
		.split('.')
		.filter(isKeptSelfScanToken)
		.slice(0, MAX_LINKS);
}

function store(cookies: Cookies, tokens: string[], secure: boolean): void {
	if (tokens.length === 0) {
		cookies.delete(COOKIE, { path: '/self-scan' });
		return;
	}
	cookies.set(COOKIE, tokens.slice(0, MAX_LINKS).join('.'), { path: '/self-scan', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 * 400 });
}

export function rememberScan(cookies: Cookies, token: string, secure: boolean): void {
	if (!isKeptSelfScanToken(token)) return;
	store(cookies, [token, ...rememberedScans(cookies).filter((t) => t !== token)], secure);
}

export function forgetScan(cookies: Cookies, token: string, secure: boolean): void {
	store(
		cookies,
		rememberedScans(cookies).filter((t) => t !== token),
		secure
	);
}
