import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db/client';
import { adminSetupToken, user } from '../db/schema';
import {
	ADMIN_SETUP_TOKEN_TTL_MS,
	checkAdminSetupToken,
	consumeAdminSetupToken,
	createAdminSetupToken,
	hasAdmin,
	hashAdminSetupToken
} from './setup-token';

describe(`admin setup token (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeEach(async () => {
		h = await openTestDatabase();
	});
	afterEach(async () => {
		await h.close();
	});

	it('returns a 32-byte base64url token and stores only its sha256 hash, valid for 24 hours', async () => {
		const now = new Date('2026-03-02T09:00:00Z');
		const token = await createAdminSetupToken(h.db, { now });
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		const rows = await h.db.select().from(adminSetupToken);
		expect(rows).toHaveLength(1);
		expect(rows[0]?.tokenHash).toBe(hashAdminSetupToken(token));
		expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(JSON.stringify(rows)).not.toContain(token);
		expect(rows[0]?.expiresAt.getTime()).toBe(now.getTime() + ADMIN_SETUP_TOKEN_TTL_MS);
	});

	it('can be used once', async () => {
		const token = await createAdminSetupToken(h.db);
		expect(await checkAdminSetupToken(h.db, token)).toBe('ok');
		expect(await consumeAdminSetupToken(h.db, token)).toBe('ok');
		expect(await consumeAdminSetupToken(h.db, token)).toBe('used');
		expect(await checkAdminSetupToken(h.db, token)).toBe('used');
	});

	it('gives ok to only one of two racing uses', async () => {
		const token = await createAdminSetupToken(h.db);
		const results = await Promise.all([consumeAdminSetupToken(h.db, token), consumeAdminSetupToken(h.db, token)]);
		expect(results.sort()).toEqual(['ok', 'used']);
	});

	it('expires after 24 hours', async () => {
		const created = new Date('2026-03-01T09:00:00Z');
		const token = await createAdminSetupToken(h.db, { now: created });
		const justBefore = new Date(created.getTime() + ADMIN_SETUP_TOKEN_TTL_MS - 1000);
		const atExpiry = new Date(created.getTime() + ADMIN_SETUP_TOKEN_TTL_MS);
		expect(await checkAdminSetupToken(h.db, token, { now: justBefore })).toBe('ok');
		expect(await consumeAdminSetupToken(h.db, token, { now: atExpiry })).toBe('expired');
		// An expired token stays unusable, also when asked about with the real clock.
		expect(await consumeAdminSetupToken(h.db, token)).toBe('expired');
	});

	it('says invalid for unknown, empty and absurdly long tokens', async () => {
		await createAdminSetupToken(h.db);
		expect(await consumeAdminSetupToken(h.db, 'A'.repeat(43))).toBe('invalid');
		expect(await consumeAdminSetupToken(h.db, '')).toBe('invalid');
		expect(await checkAdminSetupToken(h.db, 'x'.repeat(10_000))).toBe('invalid');
	});

	it('knows whether an admin exists', async () => {
		expect(await hasAdmin(h.db)).toBe(false);
		await h.db.insert(user).values({ id: 'u1', name: 'Piet', email: 'piet@example.nl' });
		expect(await hasAdmin(h.db)).toBe(false);
		await h.db.insert(user).values({ id: 'u2', name: 'Ria', email: 'ria@example.nl', role: 'admin' });
		expect(await hasAdmin(h.db)).toBe(true);
	});
});
