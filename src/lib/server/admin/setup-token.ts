// One-time links that let someone with shell access (or the first start) create a platform admin.
// Only a hash is stored, so a copy of the database does not hand out admin rights.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { adminSetupToken, user } from '../db/schema';

export const ADMIN_SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

export type AdminSetupTokenStatus = 'ok' | 'invalid' | 'expired' | 'used';

// 32 random bytes in base64url are 43 characters; anything far longer is not worth hashing.
const MAX_TOKEN_LENGTH = 128;

export function hashAdminSetupToken(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Stores a new token (its hash) valid for 24 hours and returns the token itself, to be shown once. */
export async function createAdminSetupToken(db: Database, options: { now?: Date } = {}): Promise<string> {
	const now = options.now ?? new Date();
	const token = randomBytes(32).toString('base64url');
	await db.insert(adminSetupToken).values({
		tokenHash: hashAdminSetupToken(token),
		expiresAt: new Date(now.getTime() + ADMIN_SETUP_TOKEN_TTL_MS),
		createdAt: now
	});
	return token;
}

export async function hasAdmin(db: Database): Promise<boolean> {
	const rows = await db.select({ id: user.id }).from(user).where(eq(user.role, 'admin')).limit(1);
	return rows.length > 0;
}

/** Says whether a token could be used now, without using it (for showing the setup form). */
export async function checkAdminSetupToken(
	db: Database,
	token: string,
	options: { now?: Date } = {}
): Promise<AdminSetupTokenStatus> {
	if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return 'invalid';
	const [row] = await db
		.select({ expiresAt: adminSetupToken.expiresAt, usedAt: adminSetupToken.usedAt })
		.from(adminSetupToken)
		.where(eq(adminSetupToken.tokenHash, hashAdminSetupToken(token)));
	return statusOf(row, options.now ?? new Date());
}

/**
 * Uses a token up. One conditional UPDATE marks it used, so two requests racing with the same token
 * cannot both get 'ok'. Pass a transaction as `db` to undo the use when creating the admin then fails.
 */
export async function consumeAdminSetupToken(
	db: Database,
	token: string,
	options: { now?: Date } = {}
): Promise<AdminSetupTokenStatus> {
	if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return 'invalid';
	const now = options.now ?? new Date();
	const tokenHash = hashAdminSetupToken(token);
	const used = await db
		.update(adminSetupToken)
		.set({ usedAt: now })
		.where(
			and(
				eq(adminSetupToken.tokenHash, tokenHash),
				isNull(adminSetupToken.usedAt),
				gt(adminSetupToken.expiresAt, now)
			)
		)
		.returning({ tokenHash: adminSetupToken.tokenHash });
	if (used.length > 0) return 'ok';
	const [row] = await db
		.select({ expiresAt: adminSetupToken.expiresAt, usedAt: adminSetupToken.usedAt })
		.from(adminSetupToken)
		.where(eq(adminSetupToken.tokenHash, tokenHash));
	return statusOf(row, now);
}

function statusOf(row: { expiresAt: Date; usedAt: Date | null } | undefined, now: Date): AdminSetupTokenStatus {
	if (!row) return 'invalid';
	if (row.usedAt) return 'used';
	if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'ok';
}
