import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { apiWithDatabaseFaultsAs503, databaseFault503, databaseFaultsAs503 } from './database-faults';

const diskFull = Object.assign(new Error('could not extend file "base/5/16385": No space left on device'), { code: '53100' });
const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
// How better-auth wraps an error of its database: its own error with the original as cause.
const wrappedByAuth = (cause: unknown) => Object.assign(new Error('Failed to get session'), { name: 'APIError', status: 'INTERNAL_SERVER_ERROR', cause });

function collect() {
	const lines: string[] = [];
	return { lines, log: (line: string) => lines.push(line) };
}

describe('databaseFault503', () => {
	it('answers a full disk with a 503 that says saving is not possible now, and logs one line', () => {
		const { lines, log } = collect();
		const answer = databaseFault503(diskFull, log)!;
		expect(isHttpError(answer, 503)).toBe(true);
		expect(answer.body.message).toBe('Opslaan lukt nu niet, door een probleem op de server. Wat u eerder heeft ingevuld of opgeslagen, is bewaard. Probeer het later opnieuw.');
		expect(lines).toEqual(['Database cannot write (53100): could not extend file "base/5/16385": No space left on device']);
	});

	it('answers a database out of reach with a 503 that says to try again in a few minutes', () => {
		const { log } = collect();
		expect(databaseFault503(refused, log)!.body.message).toBe(
			'Leerkompas kan nu even niet bij de gegevens. Wat u eerder heeft ingevuld of opgeslagen, is bewaard. Probeer het over een paar minuten opnieuw.'
		);
	});

	it('finds a fault that a library wrapped, and a 503 made before without logging it again', () => {
		const { lines, log } = collect();
		expect(databaseFault503(wrappedByAuth(refused), log)?.status).toBe(503);
		const earlier = databaseFault503(diskFull, log)!;
		expect(databaseFault503(wrappedByAuth(earlier), log)).toBe(earlier);
		expect(lines).toHaveLength(2);
	});

	it('leaves every other error alone', () => {
		const { lines, log } = collect();
		expect(databaseFault503(new TypeError('x is undefined'), log)).toBeNull();
		expect(databaseFault503(Object.assign(new Error('duplicate key'), { code: '23505' }), log)).toBeNull();
		expect(lines).toEqual([]);
	});
});

describe('databaseFaultsAs503', () => {
	it('throws the 503 for a fault and the error itself otherwise', () => {
		const route = databaseFaultsAs503(() => {});
		expect(() => route(diskFull)).toThrow(expect.objectContaining({ status: 503 }));
		const other = new Error('boom');
		expect(() => route(other)).toThrow(other);
	});
});

describe('apiWithDatabaseFaultsAs503', () => {
	it('turns a fault behind an endpoint’s error into the 503, keeps the endpoint’s other errors and properties', async () => {
		const notFound = Object.assign(new Error('Invalid email or password'), { name: 'APIError' });
		const getSession = Object.assign(async () => Promise.reject(wrappedByAuth(refused)), { path: '/get-session' });
		const signInEmail = async (input: { ok: boolean }) => {
			if (!input.ok) throw notFound;
			return { token: 't' };
		};
		const api = apiWithDatabaseFaultsAs503({ getSession, signInEmail }, () => {});
		await expect(api.getSession()).rejects.toMatchObject({ status: 503 });
		expect(api.getSession.path).toBe('/get-session');
		await expect(api.signInEmail({ ok: false })).rejects.toBe(notFound);
		await expect(api.signInEmail({ ok: true })).resolves.toEqual({ token: 't' });
	});
});
