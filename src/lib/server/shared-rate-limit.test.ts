import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../tests/helpers/database';
import type { DatabaseHandle } from './db/client';
import { rowsOf } from './db/raw-rows';
import { claimJob } from './job-lease';
import { createSharedRateLimiter } from './shared-rate-limit';

describe(`limits and job leases shared by app servers through the database (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h?.close();
	});

	it('counts the attempts of two servers against one limit, per key and per limiter', async () => {
		// Two limiters with the same name and secret: what two app servers make at start.
		const options = { name: 'sign-in', limit: 3, windowSeconds: 60 };
		const one = createSharedRateLimiter(h.db, 'secret', options);
		const two = createSharedRateLimiter(h.db, 'secret', options);
		expect([await one.hit('a'), await two.hit('a'), await one.hit('a')]).toEqual([true, true, true]);
		expect(await two.hit('a')).toBe(false);
		expect(await one.hit('a')).toBe(false);
		expect(await two.retryAfter('a')).toBeGreaterThan(50);
		expect(await two.retryAfter('a')).toBeLessThanOrEqual(60);
		expect(await one.hit('b')).toBe(true);
		expect(await one.retryAfter('never-tried')).toBe(0);
		const other = createSharedRateLimiter(h.db, 'secret', { ...options, name: 'magic-link' });
		expect(await other.hit('a')).toBe(true);
	});

	it('opens again once the window has passed', async () => {
		const limiter = createSharedRateLimiter(h.db, 'secret', { name: 'short', limit: 1, windowSeconds: 1 });
		expect(await limiter.hit('a')).toBe(true);
		expect(await limiter.hit('a')).toBe(false);
		await new Promise((r) => setTimeout(r, 1_100));
		expect(await limiter.hit('a')).toBe(true);
	});

	it('stores no key as it was given, only its hash', async () => {
		const limiter = createSharedRateLimiter(h.db, 'secret', { name: 'privacy', limit: 5, windowSeconds: 60 });
		await limiter.hit('192.0.2.7|olga@example.nl');
		const rows = await rowsOf(h.db, sql`select * from rate_limit_window where limiter = 'privacy'`);
		expect(rows).toHaveLength(1);
		const stored = JSON.stringify(rows);
		expect(stored).not.toContain('192.0.2.7');
		expect(stored).not.toContain('olga');
	});

	it('lets one server claim a job until its lease runs out', async () => {
		expect(await claimJob(h.db, 'reminders', 60)).toBe(true);
		expect(await claimJob(h.db, 'reminders', 60)).toBe(false);
		expect(await claimJob(h.db, 'retention', 0)).toBe(true);
		await new Promise((r) => setTimeout(r, 20));
		expect(await claimJob(h.db, 'retention', 60)).toBe(true);
		expect(await claimJob(h.db, 'retention', 60)).toBe(false);
	});
});
