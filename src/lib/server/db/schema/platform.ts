import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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

/**
 * Rate-limit windows shared by every app server on one database: one row per limiter and (hashed) key,
 * counted up by one upsert per attempt. The key is an HMAC, so no client address is stored.
 */
export const rateLimitWindow = pgTable(
	'rate_limit_window',
	{
		limiter: text('limiter').notNull(),
		keyHash: text('key_hash').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		hits: integer('hits').notNull()
	},
	(t) => [primaryKey({ columns: [t.limiter, t.keyHash] })]
);

/** Which app server runs a periodic job (reminders, retention) until when: one lease per job name. */
export const jobLease = pgTable('job_lease', {
	job: text('job').primaryKey(),
	heldUntil: timestamp('held_until', { withTimezone: true }).notNull()
});
