// Why the server could not start, in one line for the log, for the failures an administrator can fix: a
// database that cannot be reached, a migration that fails, a data folder in use. Anything else keeps its stack.
import type { Config } from './config';
import { DataDirBusyError } from './db/lock';
import { classifyDatabaseError, describeDatabaseFault } from './db/errors';
import { MigrationFailedError } from './db/migrations';

/** The URL without its password, to name the server in the log. */
export function redactedUrl(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return '(not a valid URL)';
	}
}

function sqlStateOf(error: unknown): string | null {
	for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 5; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
		current = (current as { cause?: unknown }).cause;
	}
	return null;
}

export function startupFailure(error: unknown, config: Pick<Config, 'DATABASE_URL' | 'dataDir'>): string | null {
	const prefix = 'Leerkompas cannot start:';
	if (error instanceof MigrationFailedError) {
		return `${prefix} database migration ${error.migration} failed: ${error.reason}. Nothing was changed: pending migrations run in one transaction, which was rolled back. Fix the migration, or start the previous version.`;
	}
	if (error instanceof DataDirBusyError) return `${prefix} ${error.message} Stop it first, or set LEERKOMPAS_DATA_DIR to another folder.`;
	const fault = classifyDatabaseError(error);
	if (config.DATABASE_URL) {
		const server = `the PostgreSQL server in DATABASE_URL (${redactedUrl(config.DATABASE_URL)})`;
		if (fault) return `${prefix} no connection to ${server}: ${describeDatabaseFault(fault)}. Check that PostgreSQL runs there and that DATABASE_URL is right.`;
		const code = sqlStateOf(error);
		// 28xxx: wrong user or password; 3D000: no such database.
		if (code && (code.startsWith('28') || code === '3D000')) {
			const message = String((error as { message?: unknown }).message ?? error).split('\n')[0];
			return `${prefix} ${server} refused the connection: ${message} (${code}). Check DATABASE_URL.`;
		}
		return null;
	}
	if (fault) return `${prefix} the embedded database in ${config.dataDir} failed: ${describeDatabaseFault(fault)}.`;
	return null;
}
