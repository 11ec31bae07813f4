import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, databaseKind } from './database';
import { firm } from '../../src/lib/server/db/schema';

describe(`database (${databaseKind})`, () => {
	it('migrates an empty database and stores a firm', async () => {
		const h = await openTestDatabase();
		await h.db.insert(firm).values({ slug: 'bakkerij', name: 'Bakkerij', sector: 'food', sizeClass: '1-9', province: 'GR', employees: 7 });
		const rows = await h.db.select().from(firm);
		expect(rows.map((r) => r.slug)).toEqual(['bakkerij']);
		const r = await h.db.execute(sql`select count(*)::int as n from firm`);
		expect(r).toBeDefined();
		await h.close();
	});
});
