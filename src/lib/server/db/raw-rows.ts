// Rows of a hand-written SQL statement, for the few places Drizzle's query builder cannot say (catalog reads,
// upserts with a returned flag, full-text search). The two drivers disagree on what execute returns.
import type { SQL } from 'drizzle-orm';
import type { Database } from './client';

/** Anything that can run a statement: the database or a transaction. */
export type SqlRunner = Pick<Database, 'execute'>;

/** Rows of a raw query: postgres.js returns an array, PGlite an object with `rows`. */
export async function rowsOf(db: SqlRunner, statement: SQL): Promise<Record<string, unknown>[]> {
	const result: unknown = await db.execute(statement);
	const rows = Array.isArray(result)
		? result
		: typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows)
			? result.rows
			: null;
	if (!rows) throw new Error('Unexpected result shape from the database driver');
	return rows.filter((r): r is Record<string, unknown> => typeof r === 'object' && r !== null);
}
