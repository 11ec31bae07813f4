// Development plans (ontwikkelplan) belong to the worker who wrote them: the plan hangs on the account and
// goes with it. A share lets the owner and co-managers of one firm, or one colleague by e-mail address, read
// the sections the worker chose; deleting the share (or the firm) ends it at once, and the plan stays.
//
// The share's firm column is named `shared_with_firm`, not `firm_id`, on purpose: the firm's archive and its
// row counts take every `firm_id` table, and an exact count of plans tied to a firm is what the owner may only
// see in bands of k. Deleting the firm still removes the share through the foreign key.
import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { PlanGoal, PlanSection } from '../../../domain/plans/plan';
import { user } from './auth';
import { firm } from './firm';

export const developmentPlan = pgTable(
	'development_plan',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		/** Where I stand now: what goes well, what I am proud of. */
		situation: text('situation').notNull().default(''),
		goals: jsonb('goals').$type<PlanGoal[]>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('development_plan_user_idx').on(t.userId)]
);

export const planShare = pgTable(
	'plan_share',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		planId: uuid('plan_id')
			.notNull()
			.references(() => developmentPlan.id, { onDelete: 'cascade' }),
		/** Shared with this firm's owner and co-managers (never its advisers). */
		sharedWithFirm: uuid('shared_with_firm').references(() => firm.id, { onDelete: 'cascade' }),
		/** Shared with the account that proves this address (lower case); no account needs to exist yet. */
		sharedWithEmail: text('shared_with_email'),
		/** The sections shared; none means tied to the firm (counted in bands of k) but nothing shown. */
		sections: jsonb('sections').$type<PlanSection[]>().notNull(),
		sharedOn: date('shared_on', { mode: 'string' }).notNull()
	},
	(t) => [
		unique('plan_share_firm_unique').on(t.planId, t.sharedWithFirm),
		unique('plan_share_email_unique').on(t.planId, t.sharedWithEmail),
		index('plan_share_firm_idx').on(t.sharedWithFirm),
		index('plan_share_email_idx').on(t.sharedWithEmail),
		check('plan_share_one_recipient', sql`(${t.sharedWithFirm} is null) <> (${t.sharedWithEmail} is null)`)
	]
);

/** The code a firm hands out so its workers can tie their plans to it. */
export const firmPlanLink = pgTable('firm_plan_link', {
	firmId: uuid('firm_id')
		.primaryKey()
		.references(() => firm.id, { onDelete: 'cascade' }),
	token: text('token').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});
