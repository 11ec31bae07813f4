// The directory of retired entrepreneurs who offer themselves as a sounding board (klankbord). A listing is
// the account's own personal data: one per account, deleted with the account, seen by others only while
// published, and it never holds an e-mail address (owners reach the person through an invitation only).
import { boolean, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

export const directoryListing = pgTable('directory_listing', {
	id: uuid('id').primaryKey().defaultRandom(),
	userId: text('user_id')
		.notNull()
		.unique()
		.references(() => user.id, { onDelete: 'cascade' }),
	name: text('name').notNull(),
	/** Province ids (domain/firm/attributes.ts). */
	provinces: text('provinces').array().notNull(),
	/** Sector ids (DESIGN.md). */
	sectors: text('sectors').array().notNull(),
	/** What they offer: ids of DIRECTORY_OFFERS (domain/directory/listing.ts). */
	offers: text('offers').array().notNull(),
	about: text('about').notNull(),
	published: boolean('published').notNull().default(false),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
