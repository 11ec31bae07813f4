// Data out and data rights (AVG): who took respondent-level data, who may, what was deleted, and which
// rounds lost their respondent-level answers to the retention rule.
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { firm } from './firm';
import { scanRound } from './scan';

// 'statements' stays for log lines of the answers per person that owners could download until that ended.
export const EXPORT_LEVELS = ['statements', 'research'] as const;
export type ExportLevel = (typeof EXPORT_LEVELS)[number];
export const EXPORT_FORMATS = ['csv', 'csv-nl', 'sav', 'archive'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Every respondent-level export: who, when, what. `user_id` is plain text without a foreign key on
 * purpose: the log must still say who took the data after that person deleted their account (the firm
 * and the platform must be able to account for every disclosure). It holds an opaque id, not a name or
 * an e-mail address. Rows go with the firm (cascade): after a firm is deleted there is nothing left to
 * account for, and its deletion is logged in `deletion_log`.
 */
export const exportAudit = pgTable(
	'export_audit',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		/** The account that downloaded; null when the export ran on the command line. */
		userId: text('user_id'),
		/** The right it was given under: a firm role, a data agreement, or the command line (platform operator). */
		basis: text('basis', { enum: ['owner', 'manager', 'agreement', 'cli'] }).notNull(),
		level: text('level', { enum: EXPORT_LEVELS }).notNull(),
		format: text('format', { enum: EXPORT_FORMATS }).notNull(),
		/** Respondents (rows) in the file. */
		respondents: integer('respondents').notNull(),
		exportedAt: timestamp('exported_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('export_audit_firm_idx').on(t.firmId), index('export_audit_round_idx').on(t.roundId)]
);

/**
 * A data agreement between a firm and a researcher or network coordinator, recorded by a platform admin
 * once it is signed outside the app. It lets that account download the firm's respondent-level data with
 * background answers. Revoking sets `revoked_at` and keeps the record. `recorded_by` is the admin's id as
 * plain text, so the record outlives that admin's account.
 */
export const dataAgreement = pgTable(
	'data_agreement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		recordedBy: text('recorded_by').notNull(),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('data_agreement_firm_idx').on(t.firmId), index('data_agreement_user_idx').on(t.userId)]
);

/**
 * What was deleted, without anything personal: a SHA-256 hash of the firm's or account's id (a random
 * uuid, so the hash tells nothing unless one already holds the id, e.g. from an old backup), the day, and
 * how many rows each table lost.
 */
export const deletionLog = pgTable('deletion_log', {
	id: uuid('id').primaryKey().defaultRandom(),
	kind: text('kind', { enum: ['firm', 'account'] }).notNull(),
	subjectHash: text('subject_hash').notNull(),
	deletedOn: date('deleted_on', { mode: 'string' }).notNull(),
	rows: jsonb('rows').$type<Record<string, number>>().notNull()
});

/**
 * A round whose respondent-level answers the retention rule removed; only its aggregate figures remain:
 * the published report versions, and a copy of the latest one here (`reports`: the stored report per
 * interface language, null when no version was ever published). Readers of the report must not rebuild
 * a version from the now empty response table; the copy keeps the figures even if one does.
 */
export const roundRetention = pgTable('round_retention', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => scanRound.id, { onDelete: 'cascade' }),
	removedOn: date('removed_on', { mode: 'string' }).notNull(),
	responsesRemoved: integer('responses_removed').notNull(),
	reports: jsonb('reports').$type<Record<string, unknown>>()
});
