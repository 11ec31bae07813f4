// The knowledge-base entries that recommendations, the follow-up session and the menukaart may point to.
// For now the starter set in content/kennisbank/; once entries are stored and edited in the database this
// reads the published version of each from there, and its callers do not change.
import { join } from 'node:path';
import type { KnowledgeEntry } from '../../domain/knowledge/entry';
import type { Database } from '../db/client';
import { readEntryFolder } from './entry-file';

export const STARTER_FOLDER = join('content', 'kennisbank');

export async function publishedEntries(_db: Database): Promise<KnowledgeEntry[]> {
	return readEntryFolder(STARTER_FOLDER).entries;
}
