// What the team said in the follow-up session, per aspect, in the words of whoever took the notes. No names:
// the page reminds the note taker of that. A round's session hangs on the round; a firm too small for an
// anonymous report holds the same conversation without a round (round_id null), one set of notes per firm.
import { pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { firm } from './firm';
import { scanRound } from './scan';

export const sessionNote = pgTable(
	'session_note',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		roundId: uuid('round_id').references(() => scanRound.id, { onDelete: 'cascade' }),
		/** An instrument aspect id, or 'goed' / 'vragen' for the steps before and after the aspects. */
		aspectId: text('aspect_id').notNull(),
		text: text('text').notNull(),
		updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	// NULLS NOT DISTINCT: the conversation without a round also has one note per aspect.
	(t) => [unique('session_note_firm_round_aspect').on(t.firmId, t.roundId, t.aspectId).nullsNotDistinct()]
);
