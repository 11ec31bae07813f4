import { describe, expect, it } from 'vitest';
import { DataDirBusyError } from './db/lock';
import { MigrationFailedError } from './db/migrations';
import { redactedUrl, startupFailure } from './startup-failure';

const onPostgres = { DATABASE_URL: 'postgres://app:geheim@db.example.nl:5433/leerkompas', dataDir: '/srv/leerkompas/data' };
const embedded = { DATABASE_URL: undefined, dataDir: '/srv/leerkompas/data' };
const refused = Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5433'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' });

describe('startupFailure', () => {
	it('names DATABASE_URL, without its password, when PostgreSQL cannot be reached', () => {
		const line = startupFailure(refused, onPostgres)!;
		expect(line).toBe(
			'Leerkompas cannot start: no connection to the PostgreSQL server in DATABASE_URL (postgres://app:***@db.example.nl:5433/leerkompas): ' +
				'Database unavailable (ECONNREFUSED): connect ECONNREFUSED 10.0.0.5:5433. Check that PostgreSQL runs there and that DATABASE_URL is right.'
		);
		expect(line).not.toContain('geheim');
		expect(line).not.toContain('\n');
	});

	it('says so when PostgreSQL refuses the user or knows no such database', () => {
		const noDatabase = Object.assign(new Error('database "leerkompas" does not exist'), { code: '3D000' });
		expect(startupFailure(noDatabase, onPostgres)).toMatch(/refused the connection: database "leerkompas" does not exist \(3D000\)\. Check DATABASE_URL\.$/);
		const badPassword = Object.assign(new Error('password authentication failed for user "app"'), { code: '28P01' });
		expect(startupFailure(badPassword, onPostgres)).toContain('DATABASE_URL (postgres://app:***@db.example.nl:5433/leerkompas) refused the connection: password authentication failed');
	});

	it('names the migration that failed and says nothing was changed', () => {
		const failed = new MigrationFailedError('0003_cards', 'column "code" contains null values (23502)', { cause: new Error('x') });
		expect(startupFailure(failed, embedded)).toBe(
			'Leerkompas cannot start: database migration 0003_cards failed: column "code" contains null values (23502). ' +
				'Nothing was changed: pending migrations run in one transaction, which was rolled back. Fix the migration, or start the previous version.'
		);
	});

	it('says who holds the embedded data folder', () => {
		expect(startupFailure(new DataDirBusyError(4242, 'cli'), embedded)).toBe(
			'Leerkompas cannot start: The data folder is in use by cli (process 4242). Stop it first, or set LEERKOMPAS_DATA_DIR to another folder.'
		);
	});

	it('names the data folder when the embedded database cannot write', () => {
		const full = Object.assign(new Error('could not write init file: No space left on device'), { code: '53100' });
		expect(startupFailure(full, embedded)).toBe(
			'Leerkompas cannot start: the embedded database in /srv/leerkompas/data failed: Database cannot write (53100): could not write init file: No space left on device.'
		);
	});

	it('leaves any other error to the stack trace: that one is a bug', () => {
		expect(startupFailure(new TypeError('x is undefined'), onPostgres)).toBeNull();
		expect(startupFailure(new TypeError('x is undefined'), embedded)).toBeNull();
		expect(startupFailure(Object.assign(new Error('syntax error'), { code: '42601' }), onPostgres)).toBeNull();
	});
});

describe('redactedUrl', () => {
	it('hides the password and keeps the rest', () => {
		expect(redactedUrl('postgres://u:p@h:5432/d?sslmode=require')).toBe('postgres://u:***@h:5432/d?sslmode=require');
		expect(redactedUrl('postgres://u@h/d')).toBe('postgres://u@h/d');
		expect(redactedUrl('not a url')).toBe('(not a valid URL)');
	});
});
