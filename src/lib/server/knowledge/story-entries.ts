// The seam between success stories and the knowledge base. Until the knowledge base stores entries in the
// database, an approved story's entry is kept in `story_entry`, so nothing approved is lost; once that store
// exists, this function hands the entry to it instead (and the rows here move along with a migration).
import { like } from 'drizzle-orm';
import { knowledgeEntrySchema, type KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { storyEntry } from '../db/schema';

/** Stores the entry under a slug no other approved story uses (the slug, then slug-2, slug-3, ...); returns that slug. */
export async function saveStoryAsEntry(db: Database, entry: KnowledgeEntry, storyId: string, takenElsewhere: ReadonlySet<string> = new Set()): Promise<string> {
	const taken = new Set((await db.select({ slug: storyEntry.slug }).from(storyEntry).where(like(storyEntry.slug, `${entry.slug}%`))).map((r) => r.slug));
	let slug = entry.slug;
	for (let n = 2; taken.has(slug) || takenElsewhere.has(slug); n++) slug = `${entry.slug}-${n}`;
	// The source link names the entry's page, so it follows the slug it finally got.
	const sources = entry.sources.map((s) => ('url' in s && s.url.endsWith(`/knowledge/${entry.slug}`) ? { ...s, url: `${s.url.slice(0, -entry.slug.length)}${slug}` } : s));
	const stored = knowledgeEntrySchema.parse({ ...entry, slug, sources });
	await db.insert(storyEntry).values({ slug, storyId, entry: stored });
	return slug;
}

/** Approved stories as entries (for the knowledge base to list until it has its own store). */
export async function storyEntries(db: Database): Promise<KnowledgeEntry[]> {
	const rows = await db.select({ entry: storyEntry.entry }).from(storyEntry);
	return rows.map((r) => knowledgeEntrySchema.parse(r.entry));
}
