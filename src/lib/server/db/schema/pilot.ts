// Pilots of a network: an intervention (a knowledge-base entry) tried in some member firms, with other
// member firms for comparison, each firm with a round before and a round after. Evaluations are stored
// snapshots like report versions: written once, never changed, and a new one only when at least k firms
// changed since (see domain/pilot/disclosure.ts), so that no two of them tell one firm's change.
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { firm } from './firm';
import { network } from './network';
import { scanRound } from './scan';

export const PILOT_ARMS = ['pilot', 'comparison'] as const;

export const pilot = pgTable(
	'pilot',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		/** The knowledge-base entry it tries out, by slug: the entry's text may change, the pilot keeps its name. */
		entrySlug: text('entry_slug'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique('pilot_network_slug_unique').on(t.networkId, t.slug)]
);

/** A firm in one arm of a pilot. Deleting the firm or one of its rounds takes it out of the pilot. */
export const pilotFirm = pgTable(
	'pilot_firm',
	{
		pilotId: uuid('pilot_id')
			.notNull()
			.references(() => pilot.id, { onDelete: 'cascade' }),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		arm: text('arm', { enum: PILOT_ARMS }).notNull(),
		beforeRoundId: uuid('before_round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		afterRoundId: uuid('after_round_id').references(() => scanRound.id, { onDelete: 'set null' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.pilotId, t.firmId] }), index('pilot_firm_firm_idx').on(t.firmId)]
);

/**
 * A published evaluation. `evaluation` is exactly what `pilot evaluate --format json` prints; `entries` the
 * firms with figures it rests on (firm id and the published versions of its rounds), `shown_sets` per aspect
 * the firm units of each arm it showed, for disclosure control of every later evaluation in the network.
 */
export const pilotEvaluation = pgTable(
	'pilot_evaluation',
	{
		pilotId: uuid('pilot_id')
			.notNull()
			.references(() => pilot.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		publishedOn: date('published_on', { mode: 'string' }).notNull(),
		evaluation: jsonb('evaluation').$type<Record<string, unknown>>().notNull(),
		entries: jsonb('entries').$type<unknown[]>().notNull(),
		shownSets: jsonb('shown_sets').$type<Record<string, unknown>>().notNull()
	},
	(t) => [primaryKey({ columns: [t.pilotId, t.version] })]
);
