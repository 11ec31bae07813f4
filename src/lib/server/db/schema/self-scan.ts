// The personal self-scan. A kept scan is sealed with a key that lives only in the worker's private link:
// the row holds the ciphertext, its IV and a SHA-256 hash of the link's token (to find it), never the key,
// and nothing that ties it to a firm, an account or a time of day. Whoever reads the database cannot read it.
import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { firm } from './firm';

export const keptSelfScan = pgTable('kept_self_scan', {
	/** SHA-256 of the private link's token, hex. */
	tokenHash: text('token_hash').primaryKey(),
	/** AES-256-GCM: the 12-byte IV and the ciphertext with its 16-byte tag, base64. */
	iv: text('iv').notNull(),
	ciphertext: text('ciphertext').notNull(),
	keptOn: date('kept_on', { mode: 'string' }).notNull()
});

/** A firm's link to hand out the self-scan; it counts uses and nothing else (shown in bands of k). */
export const firmSelfScanLink = pgTable('firm_self_scan_link', {
	firmId: uuid('firm_id')
		.primaryKey()
		.references(() => firm.id, { onDelete: 'cascade' }),
	token: text('token').notNull().unique(),
	uses: integer('uses').notNull().default(0),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
