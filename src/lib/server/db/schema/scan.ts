// Scan rounds and their answers. Privacy by shape: a response row has no link to a person, a card, an
// address, a device or a time of day; dates are kept by day only.
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { firm } from './firm';
import type { FollowupQuestion } from '../../../domain/followup/followup';
import type { SurveyLocale } from '../../../domain/instrument/schema';

export const scanRound = pgTable(
	'scan_round',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		instrumentVersion: text('instrument_version').notNull(),
		opensOn: date('opens_on', { mode: 'string' }).notNull(),
		closesOn: date('closes_on', { mode: 'string' }).notNull(),
		invited: integer('invited').notNull(),
		teams: jsonb('teams').$type<string[]>().notNull().default([]),
		status: text('status', { enum: ['open', 'paused', 'closed'] }).notNull().default('open'),
		inviteMode: text('invite_mode', { enum: ['link', 'cards'] }).notNull().default('link'),
		/**
		 * Who gathered the answers: Leerkompas itself (link or cards) or someone else (a CSV import). A round is
		 * one or the other for good, so made-up rows can never be mixed into answers Leerkompas collected.
		 */
		origin: text('origin', { enum: ['collected', 'imported'] }).notNull().default('collected'),
		/** Unguessable token in the survey link. */
		linkToken: text('link_token').notNull().unique(),
		/** Short code for a link that fits an SMS; as hard to guess as a card code. */
		shortCode: text('short_code').notNull().unique(),
		threshold: integer('threshold').notNull().default(5),
		openAnswersVerbatim: boolean('open_answers_verbatim').notNull().default(false),
		/**
		 * A supervised round: the adviser (with the firm's consent) who started it and alone holds its link,
		 * poster and cards. Null for a round the firm runs itself, or once that adviser's account is gone.
		 */
		supervisedBy: text('supervised_by').references(() => user.id, { onDelete: 'set null' }),
		/** The supervisor's name when the round started; it stays, so the report keeps saying who held it. */
		supervisorName: text('supervisor_name'),
		/**
		 * Questions about finished actions this round asks ("Heeft … geholpen?"), chosen when it started: the
		 * action's id and its title as it was then, so renaming the action later does not change what was asked.
		 * Answers are stored in scan_response.answers under action_<id> (domain/followup).
		 */
		followups: jsonb('followups').$type<FollowupQuestion[]>().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		closedAt: timestamp('closed_at', { withTimezone: true })
	},
	(t) => [unique('scan_round_firm_name_unique').on(t.firmId, t.name), index('scan_round_firm_idx').on(t.firmId)]
);

/** Single-use cards handed out at random. We record that a code was used (by day), never for which response. */
export const roundCard = pgTable(
	'round_card',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		code: text('code').notNull(),
		usedOn: date('used_on', { mode: 'string' })
	},
	// The card link /k/CODE names no round, so a code must be unique across all rounds.
	(t) => [primaryKey({ columns: [t.roundId, t.code] }), unique('round_card_code_unique').on(t.code)]
);

export const scanResponse = pgTable(
	'scan_response',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		perspective: text('perspective', { enum: ['employee', 'owner'] }).notNull(),
		submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
		source: text('source', { enum: ['survey', 'import'] }).notNull().default('survey'),
		answers: jsonb('answers').$type<Record<string, number | null>>().notNull(),
		background: jsonb('background').$type<Record<string, string | null>>().notNull().default({}),
		learning: jsonb('learning').$type<Record<string, unknown>>().notNull().default({}),
		open: jsonb('open').$type<Record<string, string | null>>().notNull().default({}),
		/**
		 * The survey language the response was given in; null for responses stored before it was kept and for
		 * imported ones. Shown only as counts under the disclosure rules (domain/report/languages.ts).
		 */
		language: text('language').$type<SurveyLocale>(),
		/**
		 * The report version that first took this response in; null until then. It fixes which responses a
		 * published version holds without storing an order or a time: each step holds at least k responses,
		 * which the order of one step does not tell apart. (A running number would keep the order of answers.)
		 */
		publishedIn: integer('published_in')
	},
	(t) => [
		index('scan_response_round_idx').on(t.roundId, t.publishedIn),
		// Every survey post asks whether the round already holds the same answers (the "identical" signal):
		// without this the database compares the post with every response of the round, a cost that grows
		// with the round. A digest keeps the index small; the query compares the answers themselves as well.
		index('scan_response_answers_idx').on(t.roundId, sql`md5((${t.answers})::text)`)
	]
);

/**
 * Proof that a submission key was used, so a double tap or a refresh counts once. Kept apart from the
 * response and without a reference to it: the key in the browser leads to no answers.
 */
export const submissionReceipt = pgTable(
	'submission_receipt',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		keyHash: text('key_hash').notNull(),
		receivedOn: date('received_on', { mode: 'string' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.keyHash] })]
);

/** A half-filled questionnaire, under a random key held in the respondent's cookie; nothing about the person. */
export const surveyDraft = pgTable(
	'survey_draft',
	{
		keyHash: text('key_hash').primaryKey(),
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		data: jsonb('data').$type<Record<string, unknown>>().notNull(),
		updatedOn: date('updated_on', { mode: 'string' }).notNull()
	},
	// Closing a round deletes its drafts.
	(t) => [index('survey_draft_round_idx').on(t.roundId)]
);

/**
 * Warning signals of a round: counters only, raised as responses arrive, never a row per response and never
 * an address (see scan/survey/address-watch.ts). They are shown only as they stood when a version was published.
 */
export const roundSignal = pgTable('round_signal', {
	roundId: uuid('round_id')
		.primaryKey()
		.references(() => scanRound.id, { onDelete: 'cascade' }),
	/** Responses that came from one address after more than the allowed number within ten minutes. */
	burst: integer('burst').notNull().default(0),
	/** Responses whose statement answers equal those of a response stored before. */
	identical: integer('identical').notNull().default(0),
	/** Responses that gave the same answer to every statement. */
	sameAnswer: integer('same_answer').notNull().default(0)
});
