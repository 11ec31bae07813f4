import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { integer, pgTable } from 'drizzle-orm/pg-core';
import { openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from './client';
import { classifyDatabaseError, type DatabaseFault } from './errors';
import { routeDatabaseErrors } from './fault-boundary';
import { instanceSetting } from './schema';

class Routed extends Error {
	constructor(readonly fault: DatabaseFault) {
		super(`routed ${fault.code}`);
	}
}

// A table whose inserts fail as on a full disk, and a function that does the same in any query.
const probe = pgTable('fault_probe', { id: integer('id').primaryKey() });

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await openTestDatabase();
	await handle.db.execute(sql`create table fault_probe (id integer primary key)`);
	await handle.db.execute(sql`insert into fault_probe values (1)`);
	await handle.db.insert(instanceSetting).values({ key: 'fault_boundary_row', value: 'x' });
	await handle.db.execute(sql.raw(`create function fault_disk_full() returns trigger language plpgsql as $$
		begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$`));
	await handle.db.execute(sql.raw(`create function fault_raise() returns integer language plpgsql as $$
		begin raise exception 'could not extend file: No space left on device' using errcode = 'disk_full'; end $$`));
	await handle.db.execute(sql`create trigger fault_probe_full before insert on fault_probe for each row execute function fault_disk_full()`);
	routeDatabaseErrors(handle.db, (e) => {
		const fault = classifyDatabaseError(e);
		if (fault) throw new Routed(fault);
		throw e;
	});
});

afterAll(async () => {
	await handle?.close();
});

describe('routeDatabaseErrors', () => {
	it('routes a fault of an insert, a select, a raw statement and a count', async () => {
		await expect(handle.db.insert(probe).values({ id: 2 })).rejects.toBeInstanceOf(Routed);
		await expect(handle.db.select({ x: sql<number>`fault_raise()` }).from(probe)).rejects.toBeInstanceOf(Routed);
		await expect(handle.db.execute(sql`select fault_raise()`)).rejects.toBeInstanceOf(Routed);
		await expect(handle.db.$count(probe, sql`fault_raise() = 1`)).rejects.toBeInstanceOf(Routed);
		await expect(handle.db.query.instanceSetting.findFirst({ where: sql`fault_raise() = 1` })).rejects.toBeInstanceOf(Routed);
	});

	it('routes a fault inside a transaction where the transaction ends, and the transaction stored nothing', async () => {
		const failed = handle.db.transaction(async (tx) => {
			await tx.insert(instanceSetting).values({ key: 'fault_boundary_probe', value: 'half' });
			await tx.insert(probe).values({ id: 3 });
		});
		await expect(failed).rejects.toMatchObject({ fault: { kind: 'cannot_write', code: '53100' } });
		const left = await handle.db.select().from(instanceSetting).where(sql`${instanceSetting.key} = 'fault_boundary_probe'`);
		expect(left).toEqual([]);
	});

	it('passes other errors through unchanged and lets good queries run', async () => {
		const duplicate = handle.db.execute(sql`insert into instance_setting (key, value) values ('dup', 'a'), ('dup', 'b')`);
		await expect(duplicate).rejects.not.toBeInstanceOf(Routed);
		await expect(duplicate).rejects.toMatchObject({ cause: { code: '23505' } });
		expect(await handle.db.select().from(probe)).toEqual([{ id: 1 }]);
		expect(await handle.db.transaction(async (tx) => (await tx.select().from(probe)).length)).toBe(1);
	});

	it('refuses to wrap the same database twice', () => {
		expect(() => routeDatabaseErrors(handle.db, (e) => { throw e; })).toThrow(/already/);
	});
});
