// Starting a PGlite costs most of a second of CPU even from the migrated template, and the repository tests
// open dozens. So a database a test closes goes back to a pool of this test process, emptied, and the next
// openTestDatabase gets it back: empty and migrated, as a new one would be. It is only taken back when emptying
// it really gives the template's state: a test that created or changed a table, function, trigger or type,
// gathered statistics or touched the migrations leaves a database that differs in more than its rows, and that
// one is closed instead. So is one whose migrations put rows in a table (then an empty table is not "as new").
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, DatabaseHandle } from '../../src/lib/server/db/client';
import { openDatabase } from '../../src/lib/server/db/client';
import * as schema from '../../src/lib/server/db/schema';
import { pgliteTemplateDump } from './database-template';

/** Everything a test could change besides rows; the same text means the same database once emptied. */
const SHAPE = `
	select md5(concat_ws('|',
		(select string_agg(concat_ws(':', c.oid, c.relname, c.relkind, c.relnamespace), ',' order by c.oid) from pg_class c
			join pg_namespace n on n.oid = c.relnamespace where n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')),
		(select string_agg(concat_ws(':', a.attrelid, a.attnum, a.attname, a.atttypid, a.attnotnull, a.atthasdef, a.attisdropped), ',' order by a.attrelid, a.attnum)
			from pg_attribute a where a.attrelid >= 16384),
		(select string_agg(concat_ws(':', d.oid, pg_get_expr(d.adbin, d.adrelid)), ',' order by d.oid) from pg_attrdef d),
		(select string_agg(concat_ws(':', oid, conname, pg_get_constraintdef(oid)), ',' order by oid) from pg_constraint where oid >= 16384),
		(select count(*) from pg_proc), (select count(*) from pg_trigger), (select count(*) from pg_type),
		(select count(*) from pg_namespace), (select count(*) from pg_extension), (select count(*) from pg_enum),
		(select count(*) from pg_statistic), (select count(*) from pg_policy), (select count(*) from pg_rewrite),
		(select count(*) from drizzle.__drizzle_migrations)
	)) as shape`;

const USER_TABLES = `
	select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast', 'drizzle')
		and n.nspname not like 'pg_temp%'`;

const SEQUENCES = `
	select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
	where c.relkind = 'S' and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle')`;

interface Template {
	shape: string;
	tables: string[];
	sequences: string[];
	/** False when the migrations leave rows behind: then only a new database is "as new". */
	reusable: boolean;
}

interface Pool {
	idle: PGlite[];
	template?: Promise<Template>;
}

// One pool per test process; on globalThis so that it outlives a test file's own module instances.
const KEY = Symbol.for('leerkompas.test.pglite-pool');
const pool: Pool = ((globalThis as Record<symbol, Pool | undefined>)[KEY] ??= { idle: [] });
const MAX_IDLE = 2;

async function shapeOf(client: PGlite): Promise<string> {
	return (await client.query<{ shape: string }>(SHAPE)).rows[0]!.shape;
}

async function readTemplate(client: PGlite): Promise<Template> {
	const tables = (await client.query<{ name: string }>(USER_TABLES)).rows.map((r) => r.name);
	const sequences = (await client.query<{ name: string }>(SEQUENCES)).rows.map((r) => r.name);
	let rows = 0;
	for (const table of tables) rows += (await client.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]!.n;
	return { shape: await shapeOf(client), tables, sequences, reusable: rows === 0 };
}

async function newClient(): Promise<PGlite> {
	const handle = await openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplateDump() });
	return (handle.db as unknown as { $client: PGlite }).$client;
}

/** An empty, migrated PGlite: from the pool when one is there, else a new copy of the template. */
export async function leasePglite(): Promise<DatabaseHandle> {
	const client = pool.idle.pop() ?? (await newClient());
	pool.template ??= readTemplate(client);
	await pool.template;

	// The lease ends at close: a query that comes later (a forgotten promise of a finished test) fails, as it
	// would on a closed database, instead of landing in the next test's database.
	let leased = true;
	const guarded = new Proxy(client, {
		get(target, property) {
			if (!leased) throw new Error('This test database was closed.');
			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
	const db = drizzle({ client: guarded, schema }) as unknown as Database;
	return {
		db,
		kind: 'pglite',
		async close() {
			if (!leased) return;
			leased = false;
			await giveBack(client);
		}
	};
}

async function giveBack(client: PGlite): Promise<void> {
	const template = await pool.template!;
	try {
		if (template.reusable && pool.idle.length < MAX_IDLE && !client.closed) {
			if (client.isInTransaction()) await client.exec('rollback');
			await client.exec('reset all');
			if ((await shapeOf(client)) === template.shape) {
				if (template.tables.length > 0) await client.exec(`truncate ${template.tables.join(', ')} restart identity cascade`);
				for (const sequence of template.sequences) await client.exec(`alter sequence ${sequence} restart`);
				pool.idle.push(client);
				return;
			}
		}
	} catch {
		// A database that cannot be emptied is not given out again.
	}
	await client.close().catch(() => undefined);
}
