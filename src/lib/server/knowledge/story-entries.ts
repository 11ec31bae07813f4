// Where an approved success story enters the knowledge base: a new, published entry, saved like an editor's
// (a version with its author, in the history), under the first free slug: the slug, then slug-2, slug-3, ...
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { saveEntry } from './save-entry';

const MAX_ATTEMPTS = 50;

export async function saveStoryAsEntry(db: Database, entry: KnowledgeEntry, userId: string): Promise<string | null> {
	for (let n = 1; n <= MAX_ATTEMPTS; n++) {
		const slug = n === 1 ? entry.slug : `${entry.slug}-${n}`;
		// The source link names the entry's page, so it follows the slug it finally gets.
		const sources = entry.sources.map((s) => ('url' in s && s.url.endsWith(`/knowledge/${entry.slug}`) ? { ...s, url: `${s.url.slice(0, -entry.slug.length)}${slug}` } : s));
		const saved = await saveEntry(db, { entry: { ...entry, slug, sources }, publish: true, userId });
		if (saved.ok) return slug;
	}
	return null;
}
