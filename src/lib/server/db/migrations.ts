// Migrations run at every start. Drizzle's migrator applies all pending ones in one transaction, so a migration
// that fails (or a process killed halfway) leaves the database as it was, and the next start tries again.
// What Drizzle's error lacks is the name of the migration: this finds it, so the message says what to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyDatabaseError } from './errors';

export class MigrationFailedError extends Error {
	constructor(
		/** The migration's file name without `.sql`, e.g. `0001_cards`. */
		readonly migration: string,
		/** The database's reason, one line. */
		readonly reason: string,
		options: { cause: unknown }
	) {
		super(`Database migration ${migration} failed: ${reason}`, options);
	}
}

/** The migration in `folder` with this statement, split as Drizzle splits it; null when none has it. */
export function migrationWithStatement(folder: string, statement: string): string | null {
	const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	for (const { tag } of journal.entries) {
		const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
		if (text.split('--> statement-breakpoint').includes(statement)) return tag;
	}
	return null;
}

function reasonOf(error: unknown): string {
	const cause = (error as { cause?: { message?: unknown; code?: unknown } }).cause ?? {};
	const message = String(cause.message ?? (error as { message?: unknown }).message ?? error).split('\n')[0];
	return typeof cause.code === 'string' ? `${message} (${cause.code})` : message!;
}

/**
 * Runs `migrate` over `folder`; a statement of a migration that fails becomes a MigrationFailedError naming it.
 * A lost connection or a full disk is not the migration's fault and is thrown as it was.
 */
export async function runMigrations(folder: string, migrate: (folder: string) => Promise<void>): Promise<void> {
	try {
		await migrate(folder);
	} catch (e) {
		const query = (e as { query?: unknown }).query;
		if (classifyDatabaseError(e) || typeof query !== 'string') throw e;
		const migration = migrationWithStatement(folder, query);
		if (!migration) throw e;
		throw new MigrationFailedError(migration, reasonOf(e), { cause: e });
	}
}
