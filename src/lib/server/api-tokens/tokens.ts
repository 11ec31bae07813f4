// Personal API tokens: made, listed, revoked, and checked on every /api/v1 call. The secret is 32 random bytes
// behind a visible `lk_` prefix (so a leaked token is recognisable in logs and by secret scanners); only its
// sha256 is stored. A token reaches the firms it names, and on every call only as far as the account's role
// in that firm still goes (firms/access.ts): a token never outlives the person's access.
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client';
import { apiToken, firm } from '../db/schema';
import { firmsOfUser } from '../firms/access';
import { parseCreateTokenInput, type TokenAccess, type TokenErrors } from './create-token.schema';

export const TOKEN_PREFIX = 'lk_';
/** Live tokens per account: the API's limit counts per token, so without a cap an account could multiply it. */
export const MAX_LIVE_TOKENS = 20;
const TOKEN_PATTERN = /^lk_[A-Za-z0-9_-]{43}$/;

export function hashToken(secret: string): string {
	return createHash('sha256').update(secret).digest('hex');
}

export interface TokenListItem {
	id: string;
	name: string;
	hint: string;
	access: TokenAccess;
	firms: { slug: string; name: string }[];
	createdAt: Date;
	expiresAt: Date;
	lastUsedAt: Date | null;
	revokedAt: Date | null;
}

export type CreateTokenResult = { ok: true; id: string; secret: string; expiresAt: Date } | { ok: false; errors: TokenErrors };

export async function createApiToken(db: Database, input: { userId: string; values: unknown; now?: Date }): Promise<CreateTokenResult> {
	const parsed = parseCreateTokenInput(input.values);
	if (!parsed.ok) return parsed;
	// Only the account's own firms (any role it holds today); a slug of another firm is refused as a whole.
	const own = new Set((await firmsOfUser(db, input.userId)).map((f) => f.slug));
	const slugs = [...new Set(parsed.data.firms)];
	if (slugs.some((s) => !own.has(s))) return { ok: false, errors: { firms: 'invalid' } };
	const now = input.now ?? new Date();
	const [live] = await db
		.select({ n: count() })
		.from(apiToken)
		.where(and(eq(apiToken.userId, input.userId), isNull(apiToken.revokedAt), gt(apiToken.expiresAt, now)));
	if ((live?.n ?? 0) >= MAX_LIVE_TOKENS) return { ok: false, errors: { name: 'too_many' } };
	const rows = await db.select({ id: firm.id }).from(firm).where(inArray(firm.slug, slugs));
	const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + parsed.data.days * 24 * 60 * 60 * 1000);
	const [row] = await db
		.insert(apiToken)
		.values({
			userId: input.userId,
			name: parsed.data.name,
			tokenHash: hashToken(secret),
			hint: secret.slice(0, TOKEN_PREFIX.length + 4),
			firmIds: rows.map((r) => r.id),
			access: parsed.data.access,
			createdAt: now,
			expiresAt
		})
		.returning({ id: apiToken.id });
	return { ok: true, id: row!.id, secret, expiresAt };
}

export async function listApiTokens(db: Database, userId: string): Promise<TokenListItem[]> {
	const tokens = await db.select().from(apiToken).where(eq(apiToken.userId, userId)).orderBy(desc(apiToken.createdAt));
	const ids = [...new Set(tokens.flatMap((t) => t.firmIds))];
	const firms = ids.length === 0 ? [] : await db.select({ id: firm.id, slug: firm.slug, name: firm.name }).from(firm).where(inArray(firm.id, ids));
	const byId = new Map(firms.map((f) => [f.id, f]));
	return tokens.map((t) => ({
		id: t.id,
		name: t.name,
		hint: t.hint,
		access: t.access,
		firms: t.firmIds.flatMap((id) => {
			const f = byId.get(id);
			return f ? [{ slug: f.slug, name: f.name }] : [];
		}),
		createdAt: t.createdAt,
		expiresAt: t.expiresAt,
		lastUsedAt: t.lastUsedAt,
		revokedAt: t.revokedAt
	}));
}

/** Only the account's own tokens; false when there was none to revoke. */
export async function revokeApiToken(db: Database, input: { userId: string; tokenId: string; now?: Date }): Promise<boolean> {
	if (!/^[0-9a-f-]{36}$/i.test(input.tokenId)) return false;
	const done = await db
		.update(apiToken)
		.set({ revokedAt: input.now ?? new Date() })
		.where(and(eq(apiToken.id, input.tokenId), eq(apiToken.userId, input.userId), isNull(apiToken.revokedAt)))
		.returning({ id: apiToken.id });
	return done.length > 0;
}

export interface TokenHolder {
	tokenId: string;
	userId: string;
	firmIds: readonly string[];
	access: TokenAccess;
}

/** The live token behind a secret, its last use set to now; null for anything unknown, revoked or expired. */
export async function authenticateApiToken(db: Database, secret: string, now = new Date()): Promise<TokenHolder | null> {
	if (!TOKEN_PATTERN.test(secret)) return null;
	const [row] = await db.select().from(apiToken).where(eq(apiToken.tokenHash, hashToken(secret))).limit(1);
	if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= now.getTime()) return null;
	await db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, row.id));
	return { tokenId: row.id, userId: row.userId, firmIds: row.firmIds, access: row.access };
}
