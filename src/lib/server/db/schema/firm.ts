import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid, index } from 'drizzle-orm/pg-core';
import { user } from './auth';

export const firm = pgTable('firm', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	sector: text('sector').notNull(),
	sizeClass: text('size_class').notNull(),
	province: text('province').notNull(),
	employees: integer('employees').notNull(),
	/** What the owner worries about most (one of WORRIES in domain/knowledge/entry.ts), null when not said. */
	worry: text('worry'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Owners and co-managers of a firm: they run scans and see reports. */
export const firmMember = pgTable(
	'firm_member',
	{
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ['owner', 'manager'] }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.firmId, t.userId] }), index('firm_member_user_idx').on(t.userId)]
);

/** Consent a firm gives an adviser; withdrawing sets revokedAt and ends access at once. */
export const adviserGrant = pgTable(
	'adviser_grant',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		adviserId: text('adviser_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['adviser', 'coach', 'ambassador', 'retired'] }).notNull(),
		grantedBy: text('granted_by').references(() => user.id, { onDelete: 'set null' }),
		grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
		/** A learning ambassador sees the report only while the owner has this on (default off; each change in ambassador_report_consent). */
		reportShared: boolean('report_shared').notNull().default(false),
		/** Invited from the directory of retired entrepreneurs: the firm never sees this person's e-mail address. */
		viaDirectory: boolean('via_directory').notNull().default(false),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [index('adviser_grant_adviser_idx').on(t.adviserId), index('adviser_grant_firm_idx').on(t.firmId)]
);

/** An invitation by e-mail to join a firm as co-manager or adviser; only a hash of its token is kept. */
export const firmInvitation = pgTable('firm_invitation', {
	id: uuid('id').primaryKey().defaultRandom(),
	firmId: uuid('firm_id')
		.notNull()
		.references(() => firm.id, { onDelete: 'cascade' }),
	email: text('email').notNull(),
	role: text('role', { enum: ['manager', 'adviser', 'coach', 'ambassador', 'retired'] }).notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	acceptedAt: timestamp('accepted_at', { withTimezone: true }),
	/** Set when sent from the directory: the listing's name, shown instead of the address the firm may not learn. */
	listedName: text('listed_name'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Every time the owner turns a learning ambassador's access to the report on or off: who, when, which way. */
export const ambassadorReportConsent = pgTable(
	'ambassador_report_consent',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		firmId: uuid('firm_id')
			.notNull()
			.references(() => firm.id, { onDelete: 'cascade' }),
		grantId: uuid('grant_id')
			.notNull()
			.references(() => adviserGrant.id, { onDelete: 'cascade' }),
		shared: boolean('shared').notNull(),
		changedBy: text('changed_by').references(() => user.id, { onDelete: 'set null' }),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('ambassador_report_consent_firm_idx').on(t.firmId)]
);
