// One entry as the public sees it (its published version), as an editor opens it (its newest version), and
// its history of versions. Drafts are only ever read through the editor's functions.
import { and, asc, desc, eq, isNull, ne, or } from 'drizzle-orm';
import { changedFields, type EntryField } from '../../domain/knowledge/changes';
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion, user } from '../db/schema';
import { entryOfVersion } from './entry-rows';

export interface ShownEntry {
	entry: KnowledgeEntry;
	number: number;
	changedAt: Date;
}

/** The published version of an entry, or null when there is none (unknown slug, or a draft only). */
export async function publishedEntry(db: Database, slug: string): Promise<ShownEntry | null> {
	const [row] = await db
		.select({ version: knowledgeEntryVersion })
		.from(knowledgeEntry)
		.innerJoin(knowledgeEntryVersion, eq(knowledgeEntryVersion.id, knowledgeEntry.publishedVersionId))
		.where(eq(knowledgeEntry.slug, slug));
	return row ? { entry: entryOfVersion(slug, row.version), number: row.version.number, changedAt: row.version.createdAt } : null;
}

export interface EditorEntry extends ShownEntry {
	/** The number of the published version, if any; below `number` when a draft waits. */
	publishedNumber: number | null;
}

/** The newest version of an entry, draft or published: what the editor starts from. */
export async function entryForEditor(db: Database, slug: string): Promise<EditorEntry | null> {
	const [row] = await db
		.select({ version: knowledgeEntryVersion, publishedVersionId: knowledgeEntry.publishedVersionId })
		.from(knowledgeEntry)
		.innerJoin(knowledgeEntryVersion, eq(knowledgeEntryVersion.id, knowledgeEntry.latestVersionId))
		.where(eq(knowledgeEntry.slug, slug));
	if (!row) return null;
	const published = row.publishedVersionId
		? (await db.select({ number: knowledgeEntryVersion.number }).from(knowledgeEntryVersion).where(eq(knowledgeEntryVersion.id, row.publishedVersionId)))[0]
		: undefined;
	return { entry: entryOfVersion(slug, row.version), number: row.version.number, changedAt: row.version.createdAt, publishedNumber: published?.number ?? null };
}

export interface HistoryItem {
	number: number;
	source: 'starter' | 'app' | 'import';
	sourceFile: string | null;
	/** The editor's name; null for a file, or an account since removed. */
	by: string | null;
	at: Date;
	published: boolean;
	changed: EntryField[];
}

/** Every version, newest first, with what changed since the one before. */
export async function entryHistory(db: Database, slug: string): Promise<HistoryItem[] | null> {
	const [found] = await db.select().from(knowledgeEntry).where(eq(knowledgeEntry.slug, slug));
	if (!found) return null;
	const rows = await db
		.select({ version: knowledgeEntryVersion, by: user.name })
		.from(knowledgeEntryVersion)
		.leftJoin(user, eq(user.id, knowledgeEntryVersion.createdBy))
		.where(eq(knowledgeEntryVersion.entryId, found.id))
		.orderBy(asc(knowledgeEntryVersion.number));
	let earlier: KnowledgeEntry | null = null;
	const items: HistoryItem[] = [];
	for (const row of rows) {
		const entry = entryOfVersion(slug, row.version);
		items.push({
			number: row.version.number,
			source: row.version.source,
			sourceFile: row.version.sourceFile,
			by: row.by,
			at: row.version.createdAt,
			published: row.version.id === found.publishedVersionId,
			changed: changedFields(earlier, entry)
		});
		earlier = entry;
	}
	return items.reverse();
}

/** One version of an entry by its number (an editor looking back). */
export async function entryVersion(db: Database, slug: string, number: number): Promise<ShownEntry | null> {
	const [row] = await db
		.select({ version: knowledgeEntryVersion })
		.from(knowledgeEntryVersion)
		.innerJoin(knowledgeEntry, eq(knowledgeEntry.id, knowledgeEntryVersion.entryId))
		.where(and(eq(knowledgeEntry.slug, slug), eq(knowledgeEntryVersion.number, number)));
	return row ? { entry: entryOfVersion(slug, row.version), number, changedAt: row.version.createdAt } : null;
}

/** Entries with a draft waiting: never published, or a newer version than the published one. For editors. */
export async function entriesWithDraft(db: Database): Promise<{ slug: string; title: string; number: number; published: boolean }[]> {
	const rows = await db
		.select({ slug: knowledgeEntry.slug, title: knowledgeEntryVersion.title, number: knowledgeEntryVersion.number, publishedVersionId: knowledgeEntry.publishedVersionId })
		.from(knowledgeEntry)
		.innerJoin(knowledgeEntryVersion, eq(knowledgeEntryVersion.id, knowledgeEntry.latestVersionId))
		.where(or(isNull(knowledgeEntry.publishedVersionId), ne(knowledgeEntry.publishedVersionId, knowledgeEntry.latestVersionId)))
		.orderBy(desc(knowledgeEntry.updatedAt));
	return rows.map((r) => ({ slug: r.slug, title: r.title, number: r.number, published: r.publishedVersionId !== null }));
}

/** The number of each entry's published version, by slug. */
export async function publishedVersionNumbers(db: Database): Promise<Map<string, number>> {
	const rows = await db
		.select({ slug: knowledgeEntry.slug, number: knowledgeEntryVersion.number })
		.from(knowledgeEntry)
		.innerJoin(knowledgeEntryVersion, eq(knowledgeEntryVersion.id, knowledgeEntry.publishedVersionId));
	return new Map(rows.map((r) => [r.slug, r.number]));
}
