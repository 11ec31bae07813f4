import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db/client';
import { publishedEntries } from './published-entries';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

describe(`published knowledge-base entries (${databaseKind})`, () => {
	it('holds the starter set, each entry once', async () => {
		const slugs = (await publishedEntries(h.db)).map((e) => e.slug);
		expect(slugs).toContain('meester-gezel');
		expect(slugs).toContain('slim-subsidie');
		expect(new Set(slugs).size).toBe(slugs.length);
	});
});
