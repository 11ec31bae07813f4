// Opens the same database the server uses. The embedded one (PGlite) allows one process only, so the
// CLI takes the data-folder lock first and refuses while the server holds it, rather than corrupting data.
import { acquireDataDirLock, DataDirBusyError } from '../lib/server/db/lock';
import { openDatabase, type DatabaseHandle } from '../lib/server/db/client';
import type { Config } from '../lib/server/config';
import * as m from '../lib/paraglide/messages.js';
import { CliError } from './errors';

export async function withDatabase<T>(config: Config, work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
	const url = config.DATABASE_URL;
	if (url) {
		const handle = await open(() => openDatabase({ kind: 'postgres', url }));
		try {
			return await work(handle);
		} finally {
			await handle.close();
		}
	}

	let release: () => void;
	try {
		release = acquireDataDirLock(config.dataDir, 'cli');
	} catch (e) {
		if (e instanceof DataDirBusyError) {
			const busy = { dir: config.dataDir, pid: String(e.holderPid) };
			throw new CliError(e.holder === 'server' ? m.cli_error_busy_server(busy) : m.cli_error_busy_other(busy));
		}
		throw e;
	}
	try {
		const handle = await open(() => openDatabase({ kind: 'pglite', dataDir: config.dataDir }));
		try {
			return await work(handle);
		} finally {
			await handle.close();
		}
	} finally {
		release();
	}
}

async function open(opener: () => Promise<DatabaseHandle>): Promise<DatabaseHandle> {
	try {
		return await opener();
	} catch (e) {
		throw new CliError(m.cli_error_database({ message: describeError(e) }));
	}
}

/** Driver errors are sometimes an AggregateError with an empty message (e.g. connection refused). */
export function describeError(e: unknown): string {
	if (e instanceof AggregateError && !e.message) return e.errors.map(describeError).join('; ');
	if (e instanceof Error) {
		const code = (e as NodeJS.ErrnoException).code;
		return e.message || code || e.name;
	}
	return String(e);
}
