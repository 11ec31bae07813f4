// The knowledge-base entries that recommendations, the follow-up session and the menukaart may point to: the
// published version of each entry in the database. Drafts and older versions are never among them.
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { entryOfVersion } from './entry-rows';
import { ensureStarterEntries } from './starter-entries';

export async function publishedEntries(db: Database): Promise<KnowledgeEntry[]> {
	await ensureStarterEntries(db);
	const rows = await db
		.select({ slug: knowledgeEntry.slug, version: knowledgeEntryVersion })
		.from(knowledgeEntry)
		.innerJoin(knowledgeEntryVersion, eq(knowledgeEntryVersion.id, knowledgeEntry.publishedVersionId))
		.where(isNotNull(knowledgeEntry.publishedVersionId))
		.orderBy(asc(knowledgeEntry.slug));
	return rows.filter((r) => r.slug && r.version).map((r) => entryOfVersion(r.slug, r.version));
}
