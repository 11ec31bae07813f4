// Between a knowledge-base entry (the schema of files and forms) and the row of one of its versions.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { knowledgeEntrySchema, type KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { formatEntryFile } from './entry-file';

type VersionRow = typeof knowledgeEntryVersion.$inferSelect;
type VersionSource = VersionRow['source'];

/** sha256 of the entry written as a file: equal entries give equal hashes, whatever order the fields came in. */
export function entryHash(entry: KnowledgeEntry): string {
	return createHash('sha256').update(formatEntryFile(entry)).digest('hex');
}

/** The entry a stored version holds; stored versions passed the schema when written. */
export function entryOfVersion(slug: string, row: VersionRow): KnowledgeEntry {
	return knowledgeEntrySchema.parse({
		slug,
		title: row.title,
		summary: row.summary,
		summaryEn: row.summaryEn,
		kind: row.kind,
		aspects: row.aspects,
		worries: row.worries,
		targetGroup: row.targetGroup,
		sizes: row.sizes,
		sectors: row.sectors.length === 0 ? 'all' : row.sectors,
		evidence: row.evidence,
		cost: row.cost,
		time: row.time,
		helpers: row.helpers,
		funding: row.funding,
		keywords: row.keywords,
		sources: row.sources,
		body: row.body
	});
}

export interface NewVersion {
	entry: KnowledgeEntry;
	source: VersionSource;
	sourceFile?: string | null;
	createdBy?: string | null;
}

/** Writes the next version of an entry (made when missing) and returns its id; publishing is the caller's choice. */
export async function addVersion(db: Database, v: NewVersion, publish: boolean): Promise<{ entryId: string; versionId: string; number: number }> {
	const { entry } = v;
	const now = new Date();
	const [created] = await db
		.insert(knowledgeEntry)
		.values({ slug: entry.slug, status: 'draft' })
		.onConflictDoNothing({ target: knowledgeEntry.slug })
		.returning({ id: knowledgeEntry.id });
	const entryId = created?.id ?? (await db.select({ id: knowledgeEntry.id }).from(knowledgeEntry).where(eq(knowledgeEntry.slug, entry.slug)))[0]!.id;
	const numbers = await db.select({ number: knowledgeEntryVersion.number }).from(knowledgeEntryVersion).where(eq(knowledgeEntryVersion.entryId, entryId));
	const number = Math.max(0, ...numbers.map((n) => n.number)) + 1;
	const [version] = await db
		.insert(knowledgeEntryVersion)
		.values({
			entryId,
			number,
			title: entry.title,
			summary: entry.summary,
			summaryEn: entry.summaryEn,
			kind: entry.kind,
			aspects: [...entry.aspects],
			worries: [...entry.worries],
			targetGroup: entry.targetGroup,
			sizes: [...entry.sizes],
			sectors: entry.sectors === 'all' ? [] : [...entry.sectors],
			evidence: entry.evidence,
			cost: entry.cost,
			time: entry.time,
			helpers: [...entry.helpers],
			funding: [...entry.funding],
			keywords: [...entry.keywords],
			keywordText: entry.keywords.join(' '),
			sources: entry.sources,
			body: entry.body,
			contentHash: entryHash(entry),
			source: v.source,
			sourceFile: v.sourceFile ?? null,
			createdBy: v.createdBy ?? null,
			createdAt: now
		})
		.returning({ id: knowledgeEntryVersion.id });
	await db
		.update(knowledgeEntry)
		.set({
			latestVersionId: version!.id,
			updatedAt: now,
			...(publish ? { publishedVersionId: version!.id, status: 'published' as const } : {}),
			...(v.source === 'starter' ? {} : { editedAt: now })
		})
		.where(eq(knowledgeEntry.id, entryId));
	return { entryId, versionId: version!.id, number };
}
