// Which database errors mean "the database cannot be reached or cannot store anything right now", as opposed
// to a fault in a query. Those are not the user's fault nor a bug: the page answers 503 and says to try again
// later, and the log gets one line with the cause instead of a stack trace. Pure: it only reads the error.

export type DatabaseFaultKind =
	/** The connection is gone or cannot be made: network, server restarting, too many connections. */
	| 'unavailable'
	/** The server is up but cannot write: disk full, read-only, I/O error. */
	| 'cannot_write';

export interface DatabaseFault {
	kind: DatabaseFaultKind;
	/** SQLSTATE, Node's errno code, or the driver's code: what an administrator searches for. */
	code: string;
	/** The first line of the driver's message. */
	detail: string;
}

// Node's socket errors and postgres.js's own connection codes.
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT'
]);

// File system errors, as the embedded database (PGlite) or Node reports them.
const WRITE_CODES = new Set(['ENOSPC', 'EDQUOT', 'EROFS', 'EIO']);

function kindOfSqlState(code: string): DatabaseFaultKind | null {
	if (!/^[0-9A-Z]{5}$/.test(code)) return null;
	if (code.startsWith('08')) return 'unavailable'; // connection exception
	if (code === '57P01' || code === '57P02' || code === '57P03') return 'unavailable'; // admin or crash shutdown, starting up
	if (code === '53100') return 'cannot_write'; // disk full
	if (code.startsWith('53')) return 'unavailable'; // out of memory, too many connections
	if (code === '25006') return 'cannot_write'; // read-only transaction (a read-only server or database)
	if (code === '58030') return 'cannot_write'; // I/O error
	return null;
}

function firstLine(message: unknown): string {
	return String(message ?? '').split('\n')[0]!.trim();
}

function faultOf(error: object): DatabaseFault | null {
	const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown };
	if (typeof code === 'string') {
		if (CONNECTION_CODES.has(code)) return { kind: 'unavailable', code, detail: firstLine(message) };
		if (WRITE_CODES.has(code)) return { kind: 'cannot_write', code, detail: firstLine(message) };
		const kind = kindOfSqlState(code);
		if (kind) return { kind, code, detail: firstLine(message) };
	}
	// PGlite after close(), or after its WebAssembly instance aborted: no query can run any more.
	if (typeof message === 'string' && /^PGlite is closed/.test(message)) return { kind: 'unavailable', code: 'PGLITE_CLOSED', detail: firstLine(message) };
	if (name === 'RuntimeError' && typeof message === 'string' && /^Aborted/.test(message)) {
		return { kind: 'unavailable', code: 'PGLITE_ABORTED', detail: firstLine(message) };
	}
	return null;
}

/**
 * The fault behind `error`, or null for any other error. Follows `cause` (Drizzle wraps the driver's error
 * in a "Failed query" error) and the `errors` of an AggregateError (a connection tried on several addresses).
 */
export function classifyDatabaseError(error: unknown): DatabaseFault | null {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length > 0) {
		const current = queue.shift();
		if (typeof current !== 'object' || current === null || seen.has(current)) continue;
		seen.add(current);
		const fault = faultOf(current);
		if (fault) return fault;
		const { cause, errors } = current as { cause?: unknown; errors?: unknown };
		queue.push(cause);
		if (Array.isArray(errors)) queue.push(...errors);
	}
	return null;
}

/** One line for the server log, in English like the rest of it. */
export function describeDatabaseFault(fault: DatabaseFault): string {
	const what = fault.kind === 'unavailable' ? 'Database unavailable' : 'Database cannot write';
	return `${what} (${fault.code}): ${fault.detail || 'no message'}`;
}
