import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One-time links that create a platform admin; only a hash is stored. */
export const adminSetupToken = pgTable('admin_setup_token', {
	tokenHash: text('token_hash').primaryKey(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	usedAt: timestamp('used_at', { withTimezone: true }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Settings the server generates once and keeps, such as the session signing secret. */
export const instanceSetting = pgTable('instance_setting', {
	key: text('key').primaryKey(),
	value: text('value').notNull()
});
