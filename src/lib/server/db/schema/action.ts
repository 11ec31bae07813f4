// The firm's action plan: actions agreed on in the follow-up session (or later), with short progress notes.
// An action says nothing about an employee: who does it is named by the firm, and nothing links it to answers.
import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACTION_ORIGINS, ACTION_STATUSES } from '../../../domain/actions/action';
import { user } from './auth';
import { firm } from './firm';
import { scanRound } from './scan';

export const firmAction = pgTable(
	'firm_action',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		/** The round whose report (or follow-up session) led to it; null for an action added on its own. */
		roundId: uuid('round_id').references(() => scanRound.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		/** Why, in the firm's words. */
		why: text('why').notNull().default(''),
		/** The aspect it works on (instrument aspect id), if any. */
		aspectId: text('aspect_id'),
		/** The knowledge-base entry it follows (its slug), if any. */
		entrySlug: text('entry_slug'),
		origin: text('origin', { enum: ACTION_ORIGINS }).notNull().default('free'),
		/** Who does it: free text, or a member of the firm (then also assigneeUserId). */
		assigneeName: text('assignee_name'),
		assigneeUserId: text('assignee_user_id').references(() => user.id, { onDelete: 'set null' }),
		startsOn: date('starts_on', { mode: 'string' }),
		dueOn: date('due_on', { mode: 'string' }),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('niet-gestart'),
		/** The day it was marked klaar; the next round may ask the team about it. */
		doneOn: date('done_on', { mode: 'string' }),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('firm_action_firm_idx').on(t.firmId)]
);

export const firmActionNote = pgTable(
	'firm_action_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		actionId: uuid('action_id')
			.notNull()
			.references(() => firmAction.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		writtenBy: text('written_by').references(() => user.id, { onDelete: 'set null' }),
		writtenOn: date('written_on', { mode: 'string' }).notNull()
	},
	(t) => [index('firm_action_note_action_idx').on(t.actionId)]
);
