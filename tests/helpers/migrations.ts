// A copy of drizzle/ with extra migrations after the real ones, as a newer version of Leerkompas would ship
// them: for tests of a migration that fails or is interrupted. Each statement is one Drizzle statement.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExtraMigration {
	tag: string;
	statements: string[];
}

export function migrationsFolderWith(folder: string, extra: ExtraMigration[], source = 'drizzle'): string {
	cpSync(source, folder, { recursive: true });
	const journalFile = join(folder, 'meta', '_journal.json');
	const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] };
	let last = journal.entries.at(-1)!;
	for (const migration of extra) {
		writeFileSync(join(folder, `${migration.tag}.sql`), migration.statements.join('\n--> statement-breakpoint\n'));
		last = { idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: migration.tag, breakpoints: true };
		journal.entries.push(last);
	}
	writeFileSync(journalFile, JSON.stringify(journal, null, 2));
	return folder;
}

/** How many migrations Leerkompas itself ships, so tests count theirs on top of however many that is. */
export function shippedMigrationCount(source = 'drizzle'): number {
	const journal = JSON.parse(readFileSync(join(source, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
	return journal.entries.length;
}
