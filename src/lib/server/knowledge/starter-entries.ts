// The starter set in content/kennisbank/, loaded into the database at start (server and CLI) and before the
// first read of a process, so every feature sees the entries without a separate step.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/client';
import { projectRoot } from '../db/paths';
import { loadEntryFiles, type LoadEntriesReport } from './load-entry-files';

/** Beside package.json, like drizzle/: found from src/ (tests, CLI) and from build/ (server). */
export const STARTER_FOLDER = join(projectRoot(), 'content', 'kennisbank');

const loaded = new WeakMap<Database, Promise<LoadEntriesReport>>();

/** Loads the starter set once per database handle in this process; later calls wait for the same load. */
export function ensureStarterEntries(db: Database, dir: string = STARTER_FOLDER): Promise<LoadEntriesReport> {
	let pending = loaded.get(db);
	if (!pending) {
		// A server installed without the folder still starts; it shows the entries already in its database.
		pending = existsSync(dir)
			? loadEntryFiles(db, dir, { source: 'starter' })
			: Promise.resolve({ added: [], updated: [], unchanged: [], skipped: [], invalid: [{ file: dir, problems: ['the folder is missing'] }] });
		// A failed load (the database away for a moment) is tried again on the next read.
		pending.catch(() => loaded.delete(db));
		loaded.set(db, pending);
	}
	return pending;
}

/** The operator's log lines about a load: what changed, which files were skipped and why, which are invalid. */
export function starterReportLines(report: LoadEntriesReport): string[] {
	const lines: string[] = [];
	if (report.added.length + report.updated.length > 0)
		lines.push(`Knowledge base: ${report.added.length} new and ${report.updated.length} changed entries loaded from content/kennisbank.`);
	for (const { file } of report.skipped)
		lines.push(`Knowledge base: ${file} changed, but the entry was edited in the app; the file is skipped (the app's version stays).`);
	for (const { file, problems } of report.invalid) lines.push(`Knowledge base: ${file} is not loaded: ${problems.join('; ')}.`);
	return lines;
}
