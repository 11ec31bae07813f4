// An edit in the app by an editor (platform admin or network coordinator): a new version of an entry, saved as a
// draft (the public keeps seeing the published version) or published. A new entry starts here as well.
import { desc, eq } from 'drizzle-orm';
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { knowledgeEntry, knowledgeEntryVersion } from '../db/schema';
import { addVersion } from './entry-rows';

export type SaveEntryResult =
	| { ok: true; number: number }
	/** new: the slug is taken; stale: someone saved a newer version since the editor opened it. */
	| { ok: false; reason: 'slug-taken' | 'stale' | 'not-found' };

export interface SaveEntryInput {
	entry: KnowledgeEntry;
	publish: boolean;
	userId: string;
	/** For an edit: the version number the editor started from; absent for a new entry. */
	baseVersion?: number;
}

export async function saveEntry(db: Database, input: SaveEntryInput): Promise<SaveEntryResult> {
	return db.transaction(async (tx) => {
		const [existing] = await tx.select({ id: knowledgeEntry.id }).from(knowledgeEntry).where(eq(knowledgeEntry.slug, input.entry.slug)).for('update');
		if (input.baseVersion === undefined && existing) return { ok: false, reason: 'slug-taken' };
		if (input.baseVersion !== undefined) {
			if (!existing) return { ok: false, reason: 'not-found' };
			const [latest] = await tx
				.select({ number: knowledgeEntryVersion.number })
				.from(knowledgeEntryVersion)
				.where(eq(knowledgeEntryVersion.entryId, existing.id))
				.orderBy(desc(knowledgeEntryVersion.number))
				.limit(1);
			if ((latest?.number ?? 0) !== input.baseVersion) return { ok: false, reason: 'stale' };
		}
		const saved = await addVersion(tx as unknown as Database, { entry: input.entry, source: 'app', createdBy: input.userId }, input.publish);
		return { ok: true, number: saved.number };
	});
}
