import { describe, expect, it } from 'vitest';
import { DrizzleQueryError } from 'drizzle-orm';
import { classifyDatabaseError, describeDatabaseFault } from './errors';

// Shaped like the errors the drivers throw: postgres.js's PostgresError and connection errors, PGlite's
// DatabaseError, Node's socket errors.
const pgError = (code: string, message: string) => Object.assign(new Error(message), { name: 'PostgresError', code, severity: 'ERROR' });
const socketError = (code: string, message: string) => Object.assign(new Error(message), { code, errno: -1, syscall: 'connect' });
const failedQuery = (cause: unknown) => new DrizzleQueryError('insert into "scan_response" ...', [], cause as Error);

describe('classifyDatabaseError', () => {
	it.each([
		['08006', 'connection failure'],
		['08001', 'could not connect'],
		['57P01', 'terminating connection due to administrator command'],
		['57P02', 'terminating connection due to crash of another server process'],
		['57P03', 'the database system is starting up'],
		['53300', 'sorry, too many clients already'],
		['53200', 'out of memory']
	])('calls SQLSTATE %s (%s) unavailable', (code, message) => {
		expect(classifyDatabaseError(pgError(code, message))).toEqual({ kind: 'unavailable', code, detail: message });
	});

	it.each([
		['53100', 'could not extend file "base/5/16385": No space left on device'],
		['25006', 'cannot execute INSERT in a read-only transaction'],
		['58030', 'could not write to file "pg_wal/xlogtemp.1": I/O error']
	])('calls SQLSTATE %s (%s) a write failure', (code, message) => {
		expect(classifyDatabaseError(pgError(code, message))).toEqual({ kind: 'cannot_write', code, detail: message });
	});

	it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH'])('calls the socket error %s unavailable', (code) => {
		expect(classifyDatabaseError(socketError(code, `connect ${code} 127.0.0.1:5432`))?.kind).toBe('unavailable');
	});

	it.each(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT'])('calls postgres.js %s unavailable', (code) => {
		expect(classifyDatabaseError(socketError(code, `write ${code} 127.0.0.1:5432`))).toEqual({
			kind: 'unavailable',
			code,
			detail: `write ${code} 127.0.0.1:5432`
		});
	});

	it.each(['ENOSPC', 'EROFS', 'EIO', 'EDQUOT'])('calls the file system error %s a write failure', (code) => {
		expect(classifyDatabaseError(socketError(code, `${code}: write`))?.kind).toBe('cannot_write');
	});

	it('looks through the "Failed query" error Drizzle wraps around the driver error', () => {
		const wrapped = failedQuery(pgError('53100', 'could not extend file "base/5/16385": No space left on device'));
		expect(classifyDatabaseError(wrapped)).toEqual({ kind: 'cannot_write', code: '53100', detail: 'could not extend file "base/5/16385": No space left on device' });
	});

	it('looks into the errors of an AggregateError (a host name with several addresses)', () => {
		const aggregate = new AggregateError([socketError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), socketError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')]);
		expect(classifyDatabaseError(aggregate)?.code).toBe('ECONNREFUSED');
	});

	it('recognises a closed or aborted PGlite', () => {
		expect(classifyDatabaseError(new Error('PGlite is closed'))?.kind).toBe('unavailable');
		const aborted = Object.assign(new Error('Aborted(). Build with -sASSERTIONS for more info.'), { name: 'RuntimeError' });
		expect(classifyDatabaseError(aborted)).toEqual({ kind: 'unavailable', code: 'PGLITE_ABORTED', detail: 'Aborted(). Build with -sASSERTIONS for more info.' });
	});

	it.each([
		['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
		['a syntax error', pgError('42601', 'syntax error at or near "selec"')],
		['a missing table', failedQuery(pgError('42P01', 'relation "nope" does not exist'))],
		['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
		['a plain error', new Error('boom')],
		['a string', 'ECONNREFUSED'],
		['null', null],
		['an error with a numeric code', Object.assign(new Error('x'), { code: 53100 })]
	])('leaves %s alone', (_, error) => {
		expect(classifyDatabaseError(error)).toBeNull();
	});

	it('stops on an error that is its own cause', () => {
		const loop = new Error('loop') as Error & { cause?: unknown };
		loop.cause = loop;
		expect(classifyDatabaseError(loop)).toBeNull();
	});
});

describe('describeDatabaseFault', () => {
	it('gives one line with the kind, the code and the first line of the message', () => {
		expect(describeDatabaseFault({ kind: 'cannot_write', code: '53100', detail: 'could not extend file' })).toBe('Database cannot write (53100): could not extend file');
		const fault = classifyDatabaseError(pgError('57P01', 'terminating connection\nDETAIL: more'))!;
		expect(describeDatabaseFault(fault)).toBe('Database unavailable (57P01): terminating connection');
	});
});
