// openTestDatabase may hand out a PGlite that an earlier test used (./pglite-pool.ts). Each test relies on
// getting an empty, migrated database that no other test can see or change; these try to break that.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from './database';
import { makeFirm, makeUser } from './factories';
import { firm, user } from '../../src/lib/server/db/schema';

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

async function tableNames(db: Awaited<ReturnType<typeof openTestDatabase>>['db']): Promise<string[]> {
	const result = await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
	return rowsOf<{ tablename: string }>(result).map((r) => r.tablename);
}

describe(`a test database after another test closed one (${databaseKind})`, () => {
	it('comes back empty, with the same tables, and not inside a transaction', async () => {
		const first = await openTestDatabase();
		const tables = await tableNames(first.db);
		await makeFirm(first.db, { ownerId: (await makeUser(first.db)).id });
		await first.db.execute(sql`set statement_timeout = 100000`);
		// A transaction a test left open must not carry over either, nor what it wrote. (Only PGlite, with its one
		// connection, lets a test leave one open; the PostgreSQL driver refuses a bare begin on its pool.)
		const singleConnection = databaseKind === 'pglite';
		if (singleConnection) {
			await first.db.execute(sql`begin`);
			await makeUser(first.db);
		}
		await first.close();

		const second = await openTestDatabase();
		try {
			expect(await tableNames(second.db)).toEqual(tables);
			for (const table of tables) {
				const counted = rowsOf<{ n: number }>(await second.db.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
				expect(counted[0]?.n, table).toBe(0);
			}
			expect(rowsOf(await second.db.execute(sql`show statement_timeout`))[0]).toEqual({ statement_timeout: '0' });
			// A rollback here would undo this row, and the emptying, if the earlier transaction were still open.
			await makeUser(second.db);
			if (singleConnection) await second.db.execute(sql`rollback`);
			expect(await second.db.$count(user)).toBe(1);
			expect(await second.db.$count(firm)).toBe(0);
		} finally {
			await second.close();
		}
	});

	it('has none of the tables, functions or columns an earlier test added', async () => {
		const first = await openTestDatabase();
		await first.db.execute(sql`create table pool_probe (id integer primary key generated always as identity)`);
		await first.db.execute(sql`alter table firm add column pool_probe text`);
		await first.db.execute(sql.raw(`create function pool_probe() returns integer language sql as 'select 1'`));
		await first.close();

		const second = await openTestDatabase();
		try {
			expect(await tableNames(second.db)).not.toContain('pool_probe');
			const columns = await second.db.execute(sql`select column_name from information_schema.columns where table_name = 'firm' and column_name = 'pool_probe'`);
			expect(rowsOf(columns)).toEqual([]);
			const functions = await second.db.execute(sql`select proname from pg_proc where proname = 'pool_probe'`);
			expect(rowsOf(functions)).toEqual([]);
		} finally {
			await second.close();
		}
	});

	it('is not shared with one that is open at the same time', async () => {
		const a = await openTestDatabase();
		const b = await openTestDatabase();
		try {
			await makeFirm(a.db);
			expect(await a.db.$count(firm)).toBe(1);
			expect(await b.db.$count(firm)).toBe(0);
		} finally {
			await a.close();
			await b.close();
		}
	});

	it('refuses queries through a handle once it is closed, so a late one cannot reach the next test', async () => {
		const first = await openTestDatabase();
		await first.close();
		const second = await openTestDatabase();
		try {
			await expect(makeFirm(first.db)).rejects.toThrow();
			expect(await second.db.$count(firm)).toBe(0);
		} finally {
			await second.close();
		}
	});
});
