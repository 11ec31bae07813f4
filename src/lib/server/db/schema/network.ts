// Networks: regional LLO networks, sector funds and programmes that see anonymised figures over their
// member firms. A firm is in a network only by its owner's consent (or an admin recording consent given on
// paper); membership rows are never deleted on leaving, so they are the consent log, like data agreements.
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { firm } from './firm';

export const NETWORK_KINDS = ['regional', 'sector-fund', 'programme'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];

export const network = pgTable('network', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	kind: text('kind', { enum: NETWORK_KINDS }).notNull().default('regional'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** The accounts that coordinate a network. Removing a coordinator deletes the row: access, not a consent. */
export const networkCoordinator = pgTable(
	'network_coordinator',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.networkId, t.userId] }), index('network_coordinator_user_idx').on(t.userId)]
);

/**
 * A firm's membership of a network, and at the same time the log of its consent: joining writes a row,
 * leaving sets `left_at` and keeps it. A firm that joins again gets a new row. `consented_by` is the
 * owner's account id as plain text (or the admin's, with basis 'paper'), so the record outlives the account.
 */
export const networkMember = pgTable(
	'network_member',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		basis: text('basis', { enum: ['owner', 'paper'] }).notNull(),
		consentedBy: text('consented_by').notNull(),
		joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
		leftAt: timestamp('left_at', { withTimezone: true })
	},
	(t) => [index('network_member_network_idx').on(t.networkId), index('network_member_firm_idx').on(t.firmId)]
);

/**
 * A network's published figures, like a report version: written once, never changed. A new one is written
 * only when at least k firms joined, left or got newer figures since the last (domain snapshotDue), and every
 * earlier snapshot's shown sets take part in the disclosure test of the next.
 */
export const networkSnapshot = pgTable(
	'network_snapshot',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		/** The firms counted, each with the unit `firm:round:version` its figures came from, for the next diff. */
		firms: jsonb('firms').$type<{ firmId: string; unit: string }[]>().notNull(),
		/** The network report (domain networkReportSchema), labels as category ids; relabelled when shown. */
		figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
		/** Per aspect, the units behind every figure shown (domain SnapshotShownSets). */
		shownSets: jsonb('shown_sets').$type<Record<string, unknown>>().notNull(),
		/** Counted firms whose round was imported, and whose version showed warning signals. */
		importedFirms: integer('imported_firms').notNull().default(0),
		signalFirms: integer('signal_firms').notNull().default(0)
	},
	(t) => [index('network_snapshot_network_idx').on(t.networkId, t.publishedAt)]
);

/**
 * An invitation link a coordinator makes for owners: whoever owns a firm and opens it while signed in may
 * let one firm join. Only the hash of the token is kept; withdrawing sets `revoked_at`.
 */
export const networkInvitation = pgTable(
	'network_invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		createdBy: text('created_by').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('network_invitation_network_idx').on(t.networkId)]
);
