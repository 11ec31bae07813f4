import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openTestDatabase, databaseKind } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { apiToken } from '../db/schema';
import { authenticateApiToken, createApiToken, hashToken, listApiTokens, MAX_LIVE_TOKENS, revokeApiToken } from './tokens';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => h.close());

const DAY = 24 * 60 * 60 * 1000;

describe(`API tokens (${databaseKind})`, () => {
	it('stores only the hash, lasts 90 days unless said, and works until revoked', async () => {
		const owner = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const now = new Date('2026-03-01T10:00:00Z');
		const made = await createApiToken(h.db, { userId: owner.id, values: { name: 'HR-systeem', firms: [f.slug], access: 'read' }, now });
		if (!made.ok) throw new Error(JSON.stringify(made.errors));
		expect(made.secret).toMatch(/^lk_[A-Za-z0-9_-]{43}$/);
		expect(made.expiresAt.getTime() - now.getTime()).toBe(90 * DAY);
		const [row] = await h.db.select().from(apiToken).where(eq(apiToken.id, made.id));
		expect(row!.tokenHash).toBe(hashToken(made.secret));
		expect(JSON.stringify(row)).not.toContain(made.secret);
		expect(row!.firmIds).toEqual([f.id]);

		const later = new Date(now.getTime() + DAY);
		expect(await authenticateApiToken(h.db, made.secret, later)).toMatchObject({ userId: owner.id, access: 'read', firmIds: [f.id] });
		const [listed] = await listApiTokens(h.db, owner.id);
		expect(listed!.lastUsedAt?.toISOString()).toBe(later.toISOString());

		expect(await revokeApiToken(h.db, { userId: owner.id, tokenId: made.id })).toBe(true);
		expect(await authenticateApiToken(h.db, made.secret, later)).toBeNull();
	});

	it('refuses an expired token, an unknown one and one of the wrong shape', async () => {
		const owner = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const now = new Date('2026-03-01T10:00:00Z');
		const made = await createApiToken(h.db, { userId: owner.id, values: { name: 'Kort', firms: [f.slug], access: 'write', days: '1' }, now });
		if (!made.ok) throw new Error('not made');
		expect(await authenticateApiToken(h.db, made.secret, new Date(now.getTime() + DAY - 1))).not.toBeNull();
		expect(await authenticateApiToken(h.db, made.secret, new Date(now.getTime() + DAY))).toBeNull();
		expect(await authenticateApiToken(h.db, made.secret.slice(0, -1) + (made.secret.endsWith('A') ? 'B' : 'A'), now)).toBeNull();
		expect(await authenticateApiToken(h.db, "lk_' or 1=1 --", now)).toBeNull();
	});

	it('takes only the account\u2019s own firms, a name, read or write, and at most a year', async () => {
		const owner = await makeUser(h.db);
		const other = await makeUser(h.db);
		await makeFirm(h.db, { ownerId: owner.id });
		const theirs = await makeFirm(h.db, { ownerId: other.id });
		const made = await createApiToken(h.db, { userId: owner.id, values: { name: ' ', firms: [theirs.slug], access: 'admin', days: '366' } });
		expect(made).toEqual({ ok: false, errors: { name: 'required', access: 'invalid', days: 'too_many' } });
		const wrongFirm = await createApiToken(h.db, { userId: owner.id, values: { name: 'x', firms: [theirs.slug], access: 'read' } });
		expect(wrongFirm).toEqual({ ok: false, errors: { firms: 'invalid' } });
		const noFirm = await createApiToken(h.db, { userId: owner.id, values: { name: 'x', firms: [], access: 'read' } });
		expect(noFirm).toEqual({ ok: false, errors: { firms: 'required' } });
	});

	it('keeps an account to twenty working tokens, so the per-token limit cannot be multiplied; a revoked one frees a place', async () => {
		const owner = await makeUser(h.db);
		const own = await makeFirm(h.db, { ownerId: owner.id });
		const values = { name: 'koppeling', firms: [own.slug], access: 'read' };
		const made: string[] = [];
		for (let i = 0; i < MAX_LIVE_TOKENS; i++) {
			const result = await createApiToken(h.db, { userId: owner.id, values });
			if (!result.ok) throw new Error(`token ${i + 1} refused`);
			made.push(result.id);
		}
		expect(await createApiToken(h.db, { userId: owner.id, values })).toEqual({ ok: false, errors: { name: 'too_many' } });
		expect(await revokeApiToken(h.db, { userId: owner.id, tokenId: made[0]! })).toBe(true);
		expect((await createApiToken(h.db, { userId: owner.id, values })).ok).toBe(true);
	});

	it('lets nobody revoke another account\u2019s token', async () => {
		const owner = await makeUser(h.db);
		const other = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const made = await createApiToken(h.db, { userId: owner.id, values: { name: 'HR', firms: [f.slug], access: 'read' } });
		if (!made.ok) throw new Error('not made');
		expect(await revokeApiToken(h.db, { userId: other.id, tokenId: made.id })).toBe(false);
		expect(await authenticateApiToken(h.db, made.secret)).not.toBeNull();
	});
});
