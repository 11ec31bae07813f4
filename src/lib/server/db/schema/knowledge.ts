// The knowledge base (kennisbank): one row per entry, and every version of it. A version is never changed once
// written, so the history shows who changed what and when; the entry points at the version the public sees.
import { sql, type SQL } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { KnowledgeEntry } from '../../../domain/knowledge/entry';
import { user } from './auth';

export const ENTRY_STATUSES = ['draft', 'published'] as const;
/** Where a version came from: a file of the starter set, an edit in the app, or `kennisbank import`. */
export const VERSION_SOURCES = ['starter', 'app', 'import'] as const;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const knowledgeEntry = pgTable('knowledge_entry', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	/** draft: nobody but editors sees it (never published, or taken back); published: publishedVersionId is shown. */
	status: text('status', { enum: ENTRY_STATUSES }).notNull(),
	// No foreign keys on these two pointers: with the version's key to its entry they would form a cycle, and
	// backup, restore and firm deletion order tables by their foreign keys. Versions are only ever removed
	// together with their entry, so a pointer cannot dangle.
	publishedVersionId: uuid('published_version_id'),
	/** The newest version, published or not: what the editor opens. */
	latestVersionId: uuid('latest_version_id'),
	/**
	 * Set by the first version that did not come from the starter set (an edit in the app, an import): from then
	 * on the starter file of the same slug is skipped at start, so nobody's edit is overwritten by it.
	 */
	editedAt: timestamp('edited_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const knowledgeEntryVersion = pgTable(
	'knowledge_entry_version',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		entryId: uuid('entry_id')
			.notNull()
			.references(() => knowledgeEntry.id, { onDelete: 'cascade' }),
		/** 1, 2, 3 … per entry. */
		number: integer('number').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull(),
		summaryEn: text('summary_en').notNull(),
		kind: text('kind').notNull(),
		aspects: text('aspects').array().notNull(),
		worries: text('worries').array().notNull(),
		targetGroup: text('target_group').notNull(),
		sizes: text('sizes').array().notNull(),
		/** The sectors it was made for; an empty list means all sectors. */
		sectors: text('sectors').array().notNull(),
		evidence: text('evidence').notNull(),
		cost: text('cost').notNull(),
		time: text('time').notNull(),
		helpers: text('helpers').array().notNull(),
		funding: text('funding').array().notNull(),
		keywords: text('keywords').array().notNull(),
		/** The keywords as one text, which the search index can read (an index may not join an array itself). */
		keywordText: text('keyword_text').notNull(),
		sources: jsonb('sources').$type<KnowledgeEntry['sources']>().notNull(),
		body: text('body').notNull(),
		/** sha256 of the entry as a file (formatEntryFile): tells whether a starter file changed since it was loaded. */
		contentHash: text('content_hash').notNull(),
		source: text('source', { enum: VERSION_SOURCES }).notNull(),
		/** The file it was read from (starter set or import), if any. */
		sourceFile: text('source_file'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** Dutch full-text search: title and keywords weigh most, then the summary, then the body. */
		searchVector: tsvector('search_vector')
			.notNull()
			.generatedAlwaysAs(
				(): SQL =>
					sql`setweight(to_tsvector('dutch', ${knowledgeEntryVersion.title}), 'A') || setweight(to_tsvector('dutch', ${knowledgeEntryVersion.keywordText}), 'A') || setweight(to_tsvector('dutch', ${knowledgeEntryVersion.summary}), 'B') || setweight(to_tsvector('dutch', ${knowledgeEntryVersion.body}), 'C')`
			),
		/**
		 * Title, keywords and summary only: what a match is ranked by. Small enough to stay in the row, so ranking
		 * a thousand matches does not read every long body again (the body decides whether an entry matches).
		 */
		rankVector: tsvector('rank_vector')
			.notNull()
			.generatedAlwaysAs(
				(): SQL =>
					sql`setweight(to_tsvector('dutch', ${knowledgeEntryVersion.title}), 'A') || setweight(to_tsvector('dutch', ${knowledgeEntryVersion.keywordText}), 'A') || setweight(to_tsvector('dutch', ${knowledgeEntryVersion.summary}), 'B')`
			),
		/** Title and keywords for trigram matching (typing mistakes, parts of compounds). */
		nameText: text('name_text')
			.notNull()
			.generatedAlwaysAs((): SQL => sql`lower(${knowledgeEntryVersion.title} || ' ' || ${knowledgeEntryVersion.keywordText})`)
	},
	// GIN without its pending list (fastupdate off): the embedded database never vacuums, so new rows would stay
	// in an unsorted list that every search reads in full, and the planner would rather read every version.
	(t) => [
		uniqueIndex('knowledge_entry_version_number_idx').on(t.entryId, t.number),
		index('knowledge_entry_version_search_idx').using('gin', t.searchVector).with({ fastupdate: false }),
		index('knowledge_entry_version_name_trgm_idx').using('gin', t.nameText.op('gin_trgm_ops')).with({ fastupdate: false })
	]
);
