// Published versions of a round's report. A version is written once and its employee figures never
// change: two versions always differ by at least k employee responses (see domain publicationDecision),
// so comparing them never shows one person's answers.
import { date, integer, jsonb, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { scanRound } from './scan';

export const reportVersion = pgTable(
	'report_version',
	{
		roundId: uuid('round_id')
			.notNull()
			.references(() => scanRound.id, { onDelete: 'cascade' }),
		/** 1, 2, 3, … per round. */
		version: integer('version').notNull(),
		/** Employee responses this version holds: those with scan_response.published_in <= version. */
		includedResponses: integer('included_responses').notNull(),
		/** Owner responses taken in; the owner's own view is refreshed when this changes (see publish-report.ts). */
		ownerResponses: integer('owner_responses').notNull(),
		publishedOn: date('published_on', { mode: 'string' }).notNull(),
		/** The report (domain reportSchema) in every interface language, built from the same responses. */
		report: jsonb('report').$type<Record<string, unknown>>().notNull(),
		/**
		 * What this version showed: per measure and shown group, the response row ids it rests on (packed, see
		 * report/publish/shown-sets.ts), so that disclosure control can test every later version against it. Ids only
		 * tell responses apart; nothing links them to a person. Null for versions published before it was kept.
		 */
		shownSets: jsonb('shown_sets').$type<Record<string, unknown>>()
	},
	(t) => [primaryKey({ columns: [t.roundId, t.version] })]
);
