import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestPglite } from '../../../../tests/helpers/database';
import { startDatabaseMaintenance } from './maintenance';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

describe('database upkeep on the embedded database', () => {
	it('gives the planner statistics at start, which PGlite never gathers itself', async () => {
		const h = await openTestPglite();
		try {
			await h.db.execute(sql`insert into firm (name, slug, sector, size_class, province, employees) select 'Firma ' || i, 'firma-' || i, 'bouw', 'small', 'groningen', 12 from generate_series(1, 300) i`);
			const analysed = async () =>
				rowsOf<{ n: number }>(await h.db.execute(sql`select count(*)::int as n from pg_stats where schemaname = 'public' and tablename = 'firm'`))[0]!.n;
			expect(await analysed()).toBe(0);
			const upkeep = startDatabaseMaintenance(h, () => {});
			await upkeep.firstRun;
			upkeep.stop();
			expect(await analysed()).toBeGreaterThan(0);
		} finally {
			await h.close();
		}
	});

	it('leaves PostgreSQL to its own autovacuum, and logs rather than throws when upkeep fails', async () => {
		const logged: string[] = [];
		const failing = { kind: 'pglite' as const, db: { execute: async () => Promise.reject(new Error('disk full')) }, close: async () => {} };
		const upkeep = startDatabaseMaintenance(failing as never, (m) => logged.push(m));
		await upkeep.firstRun;
		upkeep.stop();
		expect(logged).toEqual(['Database upkeep (analyze) failed: disk full']);
		const postgres = startDatabaseMaintenance({ kind: 'postgres', db: failing.db, close: async () => {} } as never, (m) => logged.push(m));
		await postgres.firstRun;
		expect(logged).toHaveLength(1);
	});
});
