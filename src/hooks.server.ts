import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { getRequestEvent } from '$app/server';
import { svelteKitHandler } from 'better-auth/svelte-kit';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { readConfig } from '$lib/server/config';
import { app, startApp, stopApp } from '$lib/server/app';
import { printStartBanner } from '$lib/server/start-banner';
import * as m from '$lib/paraglide/messages';
import { PLATFORM_ROLES, type PlatformRole } from '$lib/server/db/schema';

const platformRole = (value: unknown): PlatformRole => (PLATFORM_ROLES as readonly unknown[]).includes(value) ? (value as PlatformRole) : 'user';

export const init: ServerInit = async () => {
	if (building) return;
	const services = await startApp(readConfig(), getRequestEvent);
	await printStartBanner(services);
	process.once('sveltekit:shutdown', () => void stopApp());
};

const handleLocale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, { transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale) });
	});

const handleAuth: Handle = async ({ event, resolve }) => {
	const { auth } = app();
	const found = await auth.api.getSession({ headers: event.request.headers });
	event.locals.user = found
		? { id: found.user.id, name: found.user.name, email: found.user.email, role: platformRole(found.user.role) }
		: null;
	return svelteKitHandler({ event, resolve, auth, building });
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
	return response;
};

export const handle = sequence(handleSecurityHeaders, handleLocale, handleAuth);

export const handleError: HandleServerError = async ({ error, status }) => {
	// Database faults normally answer 503 where the query failed (src/lib/server/database-faults.ts); one that
	// slips past that still gets one log line and a message that says to try again, not a stack trace.
	// (Imported here rather than at the top only to keep this change inside handleError; static imports do as well.)
	const { databaseFault503 } = await import('$lib/server/database-faults');
	const unavailable = databaseFault503(error);
	if (unavailable) return unavailable.body;
	if (status !== 404) console.error(error);
	return { message: status === 404 ? m.common_error_not_found() : m.common_error_unexpected() };
};
