// The shell of every /api/v1 route: a bearer token only (cookies are never read here, so a page in a signed-in
// browser cannot call the API for its visitor), a rate limit per token, and errors as JSON
// `{error: {code, message}}`. Firm access is the pages' own rule (firms/access.ts), narrowed to the firms the
// token names; a firm out of reach answers 404, as on the pages, so nobody learns which firms exist.
import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { app } from '../app';
import { databaseFault503 } from '../database-faults';
import { allows, firmAccess, type FirmAccess, type FirmPermission } from '../../server/firms/access';
import { authenticateApiToken, type TokenHolder } from '../../server/api-tokens/tokens';
import { clientKey } from '../../server/http';
import * as m from '../../paraglide/messages';

export type ApiErrorCode = 'unauthorized' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'rate_limited' | 'unavailable';

const STATUS: Record<ApiErrorCode, number> = { unauthorized: 401, forbidden: 403, not_found: 404, invalid: 422, conflict: 409, rate_limited: 429, unavailable: 503 };

export class ApiError extends Error {
	constructor(
		readonly code: ApiErrorCode,
		message: string,
		readonly extra: { fields?: Record<string, string>; status?: number; headers?: Record<string, string> } = {}
	) {
		super(message);
	}
}

export function apiError(code: ApiErrorCode, message: string, extra: ApiError['extra'] = {}): Response {
	const body = { error: { code, message, ...(extra.fields ? { fields: extra.fields } : {}) } };
	return json(body, { status: extra.status ?? STATUS[code], headers: { ...(extra.headers ?? {}), ...(code === 'unauthorized' ? { 'www-authenticate': 'Bearer' } : {}) } });
}

export function notFound(): never {
	throw new ApiError('not_found', m.api_error_not_found());
}

/** Checks a response against its documented schema before it leaves: the document and the answers stay one. */
export function answer<T extends z.ZodType>(schema: T, value: z.input<T>, status = 200): Response {
	return json(schema.parse(value), { status });
}

export interface ApiCaller extends TokenHolder {
	event: RequestEvent;
}

type Handler = (caller: ApiCaller) => Promise<Response>;

/** Wraps a route: authenticates, limits, and turns ApiError (and database faults) into JSON answers. */
export function apiRoute(handler: Handler, options: { write?: boolean } = {}) {
	return async (event: RequestEvent): Promise<Response> => {
		try {
			const caller = await authenticate(event);
			if (options.write && caller.access !== 'write') throw new ApiError('forbidden', m.api_error_read_only());
			return await handler(caller);
		} catch (e) {
			if (e instanceof ApiError) return apiError(e.code, e.message, e.extra);
			if (databaseFault503(e)) return apiError('unavailable', m.api_error_unavailable(), { headers: { 'retry-after': '30' } });
			throw e;
		}
	};
}

async function authenticate(event: RequestEvent): Promise<ApiCaller> {
	const header = event.request.headers.get('authorization') ?? '';
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	const limits = app().limits.api;
	// Wrong tokens are limited per address, right ones per token: one busy integration never blocks another.
	if (!match) {
		throw new ApiError('unauthorized', m.api_error_no_token());
	}
	const holder = await authenticateApiToken(app().database.db, match[1]!);
	const key = holder ? `token:${holder.tokenId}` : `address:${clientKey(event)}`;
	if (!(await limits.hit(key))) {
		throw new ApiError('rate_limited', m.api_error_rate_limited(), { headers: { 'retry-after': String(await limits.retryAfter(key)) } });
	}
	if (!holder) throw new ApiError('unauthorized', m.api_error_bad_token());
	return { ...holder, event };
}

/** The firm in the URL, if the token names it and the account's role there allows `permission`; else 404. */
export async function apiFirm(caller: ApiCaller, permission: FirmPermission): Promise<FirmAccess> {
	const access = await firmAccess(app().database.db, caller.userId, caller.event.params.slug ?? '');
	if (!access || !caller.firmIds.includes(access.firm.id) || !allows(access, 'view')) notFound();
	// Seen but not allowed this: 404 as the pages do (an ambassador's round pages do not exist for them).
	if (!allows(access, permission)) notFound();
	return access;
}

/** A JSON body, or 400 with a plain message when it is not JSON at all. */
export async function jsonBody(event: RequestEvent): Promise<unknown> {
	const text = await event.request.text();
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw new ApiError('invalid', m.api_error_not_json(), { status: 400 });
	}
}
