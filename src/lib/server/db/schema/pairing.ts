// Master and apprentice (meester-gezel): colleagues the firm recorded (name and e-mail, no account needed) with
// what they can teach and want to learn; pairs proposed by Leerkompas that exist only once both agreed through
// their mailed link; and each pair's short log. All of it is the firm's data: deleted with the firm (cascade) and
// in the firm archive. Nothing here touches the scan: no answer is ever linked to these names.
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { firm } from './firm';

export const PAIRING_LABEL_KINDS = ['teach', 'learn'] as const;
export const PAIRING_SOURCES = ['owner', 'self'] as const;
export const PAIR_STATUSES = ['proposed', 'active', 'declined', 'ended'] as const;
export const PAIR_ANSWERS = ['agreed', 'declined'] as const;
export const PAIR_SIDES = ['master', 'apprentice'] as const;
export const PAIR_LOG_WRITERS = ['master', 'apprentice', 'owner'] as const;

export const pairingPerson = pgTable(
	'pairing_person',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email').notNull(),
		/** Apprentices they take at once (1 unless they allow more). */
		capacity: integer('capacity').notNull().default(1),
		/** Recorded by the owner or a co-manager, or by the colleague through the firm's link. */
		source: text('source', { enum: PAIRING_SOURCES }).notNull().default('owner'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pairing_person_firm_idx').on(t.firmId)]
);

/** What a person can teach or wants to learn; a wish keeps the day it was recorded (the longest wait goes first). */
export const pairingLabel = pgTable(
	'pairing_label',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => pairingPerson.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: PAIRING_LABEL_KINDS }).notNull(),
		label: text('label').notNull(),
		recordedOn: date('recorded_on', { mode: 'string' }).notNull()
	},
	(t) => [index('pairing_label_person_idx').on(t.personId), index('pairing_label_firm_idx').on(t.firmId)]
);

export const pairingPair = pgTable(
	'pairing_pair',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		masterId: uuid('master_id')
			.notNull()
			.references(() => pairingPerson.id, { onDelete: 'cascade' }),
		apprenticeId: uuid('apprentice_id')
			.notNull()
			.references(() => pairingPerson.id, { onDelete: 'cascade' }),
		/** The wishes the proposal covered, as labels. */
		covers: jsonb('covers').$type<string[]>().notNull(),
		status: text('status', { enum: PAIR_STATUSES }).notNull().default('proposed'),
		masterAnswer: text('master_answer', { enum: PAIR_ANSWERS }),
		apprenticeAnswer: text('apprentice_answer', { enum: PAIR_ANSWERS }),
		/** The owner reads the log only when both chose to share it. */
		masterSharesLog: boolean('master_shares_log').notNull().default(false),
		apprenticeSharesLog: boolean('apprentice_shares_log').notNull().default(false),
		proposedOn: date('proposed_on', { mode: 'string' }).notNull(),
		startedOn: date('started_on', { mode: 'string' }),
		endedOn: date('ended_on', { mode: 'string' })
	},
	(t) => [index('pairing_pair_firm_idx').on(t.firmId)]
);

export const pairingLog = pgTable(
	'pairing_log',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		pairId: uuid('pair_id')
			.notNull()
			.references(() => pairingPair.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		what: text('what').notNull(),
		note: text('note').notNull().default(''),
		writtenBy: text('written_by', { enum: PAIR_LOG_WRITERS }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('pairing_log_pair_idx').on(t.pairId)]
);

/** The link a firm hands out so colleagues record themselves; renewing it makes the old one stop working. */
export const pairingLink = pgTable('pairing_link', {
	firmId: uuid('firm_id')
		.primaryKey()
		.references(() => firm.id, { onDelete: 'cascade' }),
	token: text('token').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
