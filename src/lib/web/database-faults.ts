// What the server does when the database cannot be reached or cannot write: one line in the log, and a 503
// page that says what happened, that nothing saved before is lost, and to try again later. Never a 500.
import { error, isHttpError, type HttpError } from '@sveltejs/kit';
import * as m from '../paraglide/messages.js';
import { classifyDatabaseError, describeDatabaseFault, type DatabaseFault } from '../server/db/errors';

type Log = (line: string) => void;
const logError: Log = (line) => console.error(line);

export function databaseFaultMessage(fault: DatabaseFault): string {
	return fault.kind === 'cannot_write' ? m.common_error_cannot_save() : m.common_error_unavailable();
}

function unavailable(fault: DatabaseFault): HttpError {
	try {
		error(503, { message: databaseFaultMessage(fault) });
	} catch (e) {
		return e as HttpError;
	}
}

/**
 * The 503 for a database fault behind `e`, or null when there is none. Looks through the causes, since a
 * library (better-auth) may wrap the error; a 503 made here before is found as it is (and was logged then).
 */
export function databaseFault503(e: unknown, log: Log = logError): HttpError | null {
	for (let current = e, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
		if (isHttpError(current, 503)) return current;
		current = (current as { cause?: unknown }).cause;
	}
	const fault = classifyDatabaseError(e);
	if (!fault) return null;
	log(describeDatabaseFault(fault));
	return unavailable(fault);
}

/**
 * For routeDatabaseErrors: a database fault becomes a 503 (SvelteKit's `error`, so the page's error view shows
 * the message), any other error goes on as it was. handleError cannot change the status, hence this.
 */
export function databaseFaultsAs503(log: Log = logError): (e: unknown) => never {
	return (e) => {
		throw databaseFault503(e, log) ?? e;
	};
}

/**
 * better-auth turns any error of its database into its own APIError (a 500, or for a sign-in "wrong password").
 * Every function of its `api` object here answers a database fault behind such an error with the 503 instead.
 */
export function apiWithDatabaseFaultsAs503<Api extends object>(api: Api, log: Log = logError): Api {
	const rethrow = databaseFaultsAs503(log);
	const wrapped: Record<string, unknown> = {};
	for (const [name, endpoint] of Object.entries(api)) {
		wrapped[name] =
			typeof endpoint === 'function'
				? new Proxy(endpoint, {
						apply: (target, self, args) => Promise.resolve(Reflect.apply(target, self, args)).catch(rethrow)
					})
				: endpoint;
	}
	return wrapped as Api;
}
