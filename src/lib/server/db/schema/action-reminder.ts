// Mails about the action plan: what each account wants (per firm), and which mails went out, so a restart or a
// second app server never sends the same reminder twice.
import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { firm } from './firm';

export const ACTION_MAIL_KINDS = ['deadline', 'monthly'] as const;
/** An account's choice for one firm; no row means both mails. They come in the account's language (user.locale). */
export const actionMailSetting = pgTable(
	'action_mail_setting',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		deadlineMail: boolean('deadline_mail').notNull().default(true),
		monthlyMail: boolean('monthly_mail').notNull().default(true),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.userId, t.firmId] })]
);

/**
 * One row per reminder sent (or being sent): claimed before sending, removed again when sending failed, so the
 * mail is tried on the next run. `about` is the action id and its deadline for a deadline mail (a moved deadline
 * gets a mail of its own) and the month (YYYY-MM) for a summary.
 */
export const actionMailSent = pgTable(
	'action_mail_sent',
	{
		kind: text('kind', { enum: ACTION_MAIL_KINDS }).notNull(),
		about: text('about').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.kind, t.firmId, t.about, t.userId] }), index('action_mail_sent_firm_idx').on(t.firmId)]
);
