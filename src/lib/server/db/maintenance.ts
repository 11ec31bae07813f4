// PostgreSQL keeps its planner statistics and reclaims dead rows with autovacuum; the embedded PGlite has no
// background workers, so without this its planner never learns the tables' sizes (a query that uses an index
// on a full database then reads every row instead) and rows left by updates pile up. At start the statistics,
// and once a day a vacuum with them. PostgreSQL servers are left to their own autovacuum.
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from './client';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Maintenance {
	/** The statistics run at start; resolves when it is done (or has failed and been logged). */
	firstRun: Promise<void>;
	stop(): void;
}

export function startDatabaseMaintenance(handle: DatabaseHandle, log: (message: string) => void = console.log): Maintenance {
	if (handle.kind !== 'pglite') return { firstRun: Promise.resolve(), stop() {} };
	const run = async (statement: 'analyze' | 'vacuum analyze') => {
		try {
			await handle.db.execute(sql.raw(statement));
		} catch (e) {
			// Tried again tomorrow; upkeep must never stop the server.
			log(`Database upkeep (${statement}) failed: ${e instanceof Error ? e.message : String(e)}`);
		}
	};
	const firstRun = run('analyze');
	const timer = setInterval(() => void run('vacuum analyze'), DAY_MS);
	timer.unref();
	return { firstRun, stop: () => clearInterval(timer) };
}
