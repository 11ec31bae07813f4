// Brings a folder of entry files into the database: the starter set at every start, and `kennisbank import`.
// A new file becomes a published entry; a changed file becomes a new published version. An entry edited in the
// app is never overwritten by a file: the starter set skips it for good, an import only with `force`.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { readEntryFolder } from './entry-file';
import { addVersion, entryHash } from './entry-rows';

export interface LoadEntriesOptions {
	/** starter: the project's own set, loaded at start; import: an operator's folder (`kennisbank import`). */
	source: 'starter' | 'import';
	/** Import only: also replace entries whose newest version was made in the app. */
	force?: boolean;
}

export interface LoadEntriesReport {
	added: string[];
	updated: string[];
	unchanged: string[];
	/** Entries edited in the app, whose file was not loaded (by slug, with the file). */
	skipped: { slug: string; file: string }[];
	/** Files that are not a valid entry, with what is wrong, per field. */
	invalid: { file: string; problems: string[] }[];
}

// Two app servers starting at once against one PostgreSQL load the starter set one after the other.
const LOAD_LOCK = 7346012;

export async function loadEntryFiles(db: Database, dir: string, options: LoadEntriesOptions): Promise<LoadEntriesReport> {
	const folder = readEntryFolder(dir);
	const report: LoadEntriesReport = { added: [], updated: [], unchanged: [], skipped: [], invalid: folder.invalid };
	await db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${LOAD_LOCK})`);
		for (const entry of folder.entries) {
			const file = `${entry.slug}.md`;
			const hash = entryHash(entry);
			const [existing] = await tx.select().from(knowledgeEntry).where(eq(knowledgeEntry.slug, entry.slug));
			if (!existing) {
				await addVersion(tx as unknown as Database, { entry, source: options.source, sourceFile: file }, true);
				report.added.push(entry.slug);
				continue;
			}
			// The starter file is compared with what was last read from the starter set; an import with the newest version.
			const [compared] = await tx
				.select({ hash: knowledgeEntryVersion.contentHash, source: knowledgeEntryVersion.source })
				.from(knowledgeEntryVersion)
				.where(and(eq(knowledgeEntryVersion.entryId, existing.id), options.source === 'starter' ? eq(knowledgeEntryVersion.source, 'starter') : undefined))
				.orderBy(desc(knowledgeEntryVersion.number))
				.limit(1);
			if (compared?.hash === hash) {
				report.unchanged.push(entry.slug);
				continue;
			}
			const [latest] = await tx
				.select({ source: knowledgeEntryVersion.source })
				.from(knowledgeEntryVersion)
				.where(eq(knowledgeEntryVersion.entryId, existing.id))
				.orderBy(desc(knowledgeEntryVersion.number))
				.limit(1);
			const protectedEdit = options.source === 'starter' ? existing.editedAt !== null : latest?.source === 'app' && !options.force;
			if (protectedEdit) {
				report.skipped.push({ slug: entry.slug, file });
				continue;
			}
			await addVersion(tx as unknown as Database, { entry, source: options.source, sourceFile: file }, true);
			report.updated.push(entry.slug);
		}
	});
	// The embedded database has no autovacuum to update the planner's statistics; without them it reads every
	// version's text instead of using the search indexes.
	if (report.added.length + report.updated.length > 0) await db.execute(sql`analyze knowledge_entry, knowledge_entry_version`);
	return report;
}
