// A network's yearly progress talks (voortgangsgesprekken) with its projects and pilots, and the texts the
// coordinator writes for the annual report (jaarverslag). Both belong to the network, not to a firm: a talk
// names roles, not people, and holds no figures of its own (figures come from the network's snapshots).
import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { TALK_STATUSES } from '../../../domain/annual/talk';
import { user } from './auth';
import { network } from './network';

export const progressTalk = pgTable(
	'progress_talk',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		/** The project's free name; for a pilot, its name as the coordinator writes it. */
		project: text('project').notNull(),
		/** The pilot this talk is about, by slug (the pilot table is wired at merge); null for a project. */
		pilotSlug: text('pilot_slug'),
		heldOn: date('held_on', { mode: 'string' }),
		/** Who took part, as roles ("projectleider, twee ondernemers"); names are not needed. */
		participants: text('participants').notNull().default(''),
		goals: text('goals').notNull().default(''),
		done: text('done').notNull().default(''),
		results: text('results').notNull().default(''),
		lessons: text('lessons').notNull().default(''),
		nextYear: text('next_year').notNull().default(''),
		helpNeeded: text('help_needed').notNull().default(''),
		status: text('status', { enum: TALK_STATUSES }).notNull().default('draft'),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('progress_talk_network_year_idx').on(t.networkId, t.year)]
);

/** The coordinator's own words in a year's annual report, as Markdown. One row per network and year. */
export const annualReportText = pgTable(
	'annual_report_text',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		introduction: text('introduction').notNull().default(''),
		conclusions: text('conclusions').notNull().default(''),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('annual_report_text_network_year').on(t.networkId, t.year)]
);
