import { json, type Handle, type HandleServerError, type RequestEvent, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { extractLocaleFromRequest } from '$lib/paraglide/runtime';
import { textDirection } from '$lib/domain/instrument';
import { runInLocale } from '$lib/web/request-locale';
import { isRespondentPath, pageLocale } from '$lib/locale';
import { readConfig } from '$lib/server/config';
import { app, startApp, stopApp } from '$lib/web/app';
import { databaseFault503 } from '$lib/web/database-faults';
import { printStartBanner } from '$lib/web/start-banner';
import { renamedPath } from '$lib/web/renamed-paths';
import * as m from '$lib/paraglide/messages';
import { PLATFORM_ROLES, type PlatformRole } from '$lib/server/db/schema';
import { CLIENT_ADDRESS_HEADER } from '$lib/server/auth/auth';
import { accountLocaleOf } from '$lib/server/auth/account-language';
import { clientKey } from '$lib/server/http';

const platformRole = (value: unknown): PlatformRole => (PLATFORM_ROLES as readonly unknown[]).includes(value) ? (value as PlatformRole) : 'user';

export const init: ServerInit = async () => {
	if (building) return;
	const services = await startApp(readConfig(), getRequestEvent);
	await printStartBanner(services);
	process.once('sveltekit:shutdown', () => void stopApp());
};

// Respondents' pages come in all six languages; every other page only in Dutch or English (see appLocaleFor).
// Not paraglide's own middleware: it clones every request (body included) to hand on a URL without a language
// prefix, and our language never comes from the URL (about a tenth of a survey post's work).
const handleLocale: Handle = ({ event, resolve }) => {
	const requested = extractLocaleFromRequest(event.request);
	const locale = pageLocale(event.url.pathname, requested, event.request.headers.get('accept-language'));
	// The page's lang and dir are those of its language at the end: a post may have chosen another (web/language.ts).
	return runInLocale(locale, event.url.origin, (current) =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', current()).replace('%leerkompas.dir%', textDirection(current()))
		})
	);
};

// Respondents' pages (the survey, card codes, short links) look up who is signed in only on a post that
// carries a session cookie: the survey refuses posts from the firm's own owner, co-managers and advisers
// (web/survey/actions.ts), while respondents without an account keep the fast path without any lookup.
// better-auth's session cookie, with the __Secure- prefix it gets behind HTTPS.
const SESSION_COOKIE = /(^|__Secure-)better-auth\.session_token$/;

async function signedInUser(event: RequestEvent): Promise<App.Locals['user']> {
	const found = await app().auth.api.getSession({ headers: event.request.headers });
	// A session of an address never proven (one made before proof was required) counts as no session.
	return found && found.user.emailVerified
		? { id: found.user.id, name: found.user.name, email: found.user.email, role: platformRole(found.user.role), locale: accountLocaleOf(found.user.locale) }
		: null;
}

// The API takes a bearer token only (web/api/http.ts): a session cookie is never read there, so a page open in
// a signed-in browser cannot make calls for its visitor, and the API needs no CSRF token.
const API_PATHS = /^\/api\/v1(\/|$)/;
const AUTH_ENDPOINTS = /^\/api\/auth\//;

const handleAuth: Handle = async ({ event, resolve }) => {
	if (API_PATHS.test(event.url.pathname)) {
		event.locals.user = null;
		return resolve(event);
	}
	if (isRespondentPath(event.url.pathname)) {
		const mayBeSignedIn = event.request.method === 'POST' && event.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name));
		event.locals.user = mayBeSignedIn ? await signedInUser(event) : null;
		return resolve(event);
	}
	// One way to learn the client's address, for SvelteKit and better-auth alike: adapter-node's (the socket, or
	// ADDRESS_HEADER/XFF_DEPTH behind a proxy). Whatever the client sent under this header is overwritten.
	const address = clientKey(event);
	if (address === 'unknown') event.request.headers.delete(CLIENT_ADDRESS_HEADER);
	else event.request.headers.set(CLIENT_ADDRESS_HEADER, address);
	// Posts straight to better-auth (sign-in, sign-up, password reset…) bypass the pages' limits, and its own limits
	// count per process: with N app servers a password could be tried N times as often. They count in the database.
	if (event.request.method === 'POST' && AUTH_ENDPOINTS.test(event.url.pathname)) {
		const limiter = app().limits.authPosts;
		const key = `${address}|${event.url.pathname}`;
		if (!(await limiter.hit(key))) {
			const seconds = await limiter.retryAfter(key);
			const message = m.common_rate_limited({ minutes: Math.max(1, Math.ceil(seconds / 60)) });
			return json({ code: 'TOO_MANY_REQUESTS', message }, { status: 429, headers: { 'retry-after': String(seconds) } });
		}
	}
	event.locals.user = await signedInUser(event);
	return svelteKitHandler({ event, resolve, auth: app().auth, building });
};

// Survey links carry their token in the URL: never send it to another site in the Referer header.
// (Not 'no-referrer': browsers then send 'Origin: null' on form posts, which the CSRF check refuses.)
const handleSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') headers.set('Strict-Transport-Security', 'max-age=31536000');
	// Pages here show figures, answers or someone's account: none may stay in a shared computer's browser cache
	// (Back, or the cache on disk). Built assets never pass through here; adapter-node serves them itself.
	if (!/\bno-store\b/.test(headers.get('Cache-Control') ?? '')) headers.set('Cache-Control', 'private, no-store');
	return response;
};

// Old Dutch paths (/methode, /firms/…/gegevens) still reached from mails and PDFs: a permanent redirect.
const handleRenamedPaths: Handle = ({ event, resolve }) => {
	const moved = renamedPath(event.url.pathname);
	if (moved === null) return resolve(event);
	return new Response(null, { status: 308, headers: { location: `${moved}${event.url.search}` } });
};

export const handle = sequence(handleSecurityHeaders, handleRenamedPaths, handleLocale, handleAuth);

export const handleError: HandleServerError = ({ error, status }) => {
	// Database faults normally answer 503 where the query failed (src/lib/web/database-faults.ts); one that
	// slips past that still gets one log line and a message that says to try again, not a stack trace.
	const unavailable = databaseFault503(error);
	if (unavailable) return unavailable.body;
	if (status !== 404) console.error(error);
	return { message: status === 404 ? m.common_error_not_found() : m.common_error_unexpected() };
};
