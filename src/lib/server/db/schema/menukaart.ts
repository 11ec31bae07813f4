// The menukaart (training offers and regional initiatives kept by network coordinators) and success stories
// (an owner's story that, approved, becomes a published knowledge-base entry).
import { boolean, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { OFFER_KINDS } from '../../../domain/menukaart/offer';
import { STORY_STATUSES } from '../../../domain/stories/story';
import { user } from './auth';
import { firm } from './firm';

export const menukaartOffer = pgTable(
	'menukaart_offer',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind', { enum: OFFER_KINDS }).notNull(),
		title: text('title').notNull(),
		provider: text('provider').notNull(),
		/** Province ids, or ['landelijk']. */
		regions: jsonb('regions').$type<string[]>().notNull(),
		/** 'all', or sector ids. */
		sectors: jsonb('sectors').$type<'all' | string[]>().notNull(),
		aspects: jsonb('aspects').$type<string[]>().notNull(),
		costText: text('cost_text'),
		costBand: text('cost_band'),
		funding: jsonb('funding').$type<string[]>().notNull(),
		startsOn: date('starts_on', { mode: 'string' }),
		endsOn: date('ends_on', { mode: 'string' }),
		url: text('url').notNull(),
		description: text('description').notNull(),
		/** Set when a coordinator takes it off the menukaart; owners no longer see it. */
		archivedAt: timestamp('archived_at', { withTimezone: true }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('menukaart_offer_archived_idx').on(t.archivedAt)]
);

export const successStory = pgTable(
	'success_story',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		what: text('what').notNull(),
		result: text('result').notNull(),
		tip: text('tip').notNull(),
		aspects: jsonb('aspects').$type<string[]>().notNull(),
		costBand: text('cost_band').notNull(),
		funding: jsonb('funding').$type<string[]>().notNull(),
		time: text('time').notNull().default(''),
		showFirmName: boolean('show_firm_name').notNull().default(false),
		status: text('status', { enum: STORY_STATUSES }).notNull().default('draft'),
		/** When the owner (or co-manager) gave consent to publish, by submitting with the consent box ticked. */
		consentAt: timestamp('consent_at', { withTimezone: true }),
		consentBy: text('consent_by').references(() => user.id, { onDelete: 'set null' }),
		/** The coordinator's note when sending it back. */
		reviewNote: text('review_note'),
		reviewedBy: text('reviewed_by').references(() => user.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		/** The knowledge-base entry it became. */
		entrySlug: text('entry_slug'),
		writtenBy: text('written_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('success_story_firm_idx').on(t.firmId), index('success_story_status_idx').on(t.status)]
);
