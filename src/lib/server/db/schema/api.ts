import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * Personal API tokens. Only the sha256 of the secret is stored: the secret itself is shown once, at creation.
 * `firmIds` are the firms the token may reach (each checked again against the account's role on every call);
 * `access` is read or write. A revoked or expired token is refused but kept, so the account sees what it had.
 */
export const apiToken = pgTable(
	'api_token',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		/** The first characters after `lk_`, to recognise a token in the list without storing it. */
		hint: text('hint').notNull(),
		firmIds: uuid('firm_ids').array().notNull(),
		access: text('access', { enum: ['read', 'write'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('api_token_user_idx').on(t.userId)]
);
