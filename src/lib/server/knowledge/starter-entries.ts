// The starter set in content/kennisbank/, loaded into the database at start (server and CLI) and before the
// first read of a process, so every feature sees the entries without a separate step.
import { join } from 'node:path';
import type { Database } from '../db/client';
import { loadEntryFiles, type LoadEntriesReport } from './load-entry-files';

export const STARTER_FOLDER = join('content', 'kennisbank');

const loaded = new WeakMap<Database, Promise<LoadEntriesReport>>();

/** Loads the starter set once per database handle in this process; later calls wait for the same load. */
export function ensureStarterEntries(db: Database, dir: string = STARTER_FOLDER): Promise<LoadEntriesReport> {
	let pending = loaded.get(db);
	if (!pending) {
		pending = loadEntryFiles(db, dir, { source: 'starter' });
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
		lines.push(`Knowledge base: ${report.added.length} new and ${report.updated.length} changed entries loaded from ${STARTER_FOLDER}.`);
	for (const { file } of report.skipped)
		lines.push(`Knowledge base: ${file} changed, but the entry was edited in the app; the file is skipped (the app's version stays).`);
	for (const { file, problems } of report.invalid) lines.push(`Knowledge base: ${file} is not loaded: ${problems.join('; ')}.`);
	return lines;
}
