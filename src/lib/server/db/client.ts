// Opens the database: PGlite in the data folder by default, a PostgreSQL server when a URL is given.
// Both speak the same SQL, so the rest of the code sees one Drizzle type.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';
import { migrationsFolder } from './paths';
import { runMigrations } from './migrations';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
	db: Database;
	kind: 'pglite' | 'postgres';
	/**
	 * PostgreSQL's LISTEN/NOTIFY, for telling the other app servers on this database that something they
	 * cache changed. Absent on PGlite: one process holds that database, so there is nobody else to tell.
	 */
	notifications?: Notifications;
	close(): Promise<void>;
}

export interface Notifications {
	/** Calls `onMessage` for every notification on `channel`, and `onConnect` at every (re)connect. */
	listen(channel: string, onMessage: (payload: string) => void, onConnect: () => void): Promise<void>;
	notify(channel: string, payload: string): Promise<void>;
}

export type DatabaseTarget =
	// No dataDir: in memory, for tests, which start it from a migrated copy (loadDataDir) to skip initdb.
	| { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
	| { kind: 'postgres'; url: string };

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
	if (target.kind === 'pglite') {
		let dir: string | undefined;
		if (target.dataDir) {
			dir = join(target.dataDir, 'pglite');
			mkdirSync(dir, { recursive: true });
			await createDataDirApart(dir);
		}
		// One options object: PGlite ignores the second argument when the first (the folder) is undefined.
		const client = new PGlite({ dataDir: dir, postgresqlconf: PGLITE_SETTINGS, loadDataDir: target.loadDataDir, extensions: PGLITE_EXTENSIONS });
		await client.waitReady;
		const db = drizzlePglite(client, { schema }) as unknown as Database;
		try {
			await runMigrations(migrationsFolder(), (folder) => migratePglite(drizzlePglite(client), { migrationsFolder: folder }));
		} catch (e) {
			await client.close().catch(() => undefined); // the migration's error is the one to report
			throw e;
		}
		return { db, kind: 'pglite', close: () => client.close() };
	}
	await migrateWithLock(target.url);
	const client = postgres(target.url, {
		max: 10,
		onnotice: () => {},
		connection: { application_name: applicationName() },
		// While PostgreSQL is out of reach, every request waits for a connection attempt before it can answer
		// 503. The driver's own backoff grows to 20 s between attempts (and requests queue behind it); one
		// second at most lets pages say "try again" quickly and picks the database up within a second once back.
		backoff: (retries: number) => Math.min(0.1 * 2 ** retries, 1),
		connect_timeout: 10
	});
	const db = drizzlePostgres(client, { schema }) as unknown as Database;
	const notifications: Notifications = {
		// postgres.js keeps LISTEN on a connection of its own and, when that connection drops (PostgreSQL restarted,
		// the backend terminated), listens again on a new one and calls onConnect then (tests/e2e/http/two-servers.test.ts).
		async listen(channel, onMessage, onConnect) {
			await client.listen(channel, onMessage, onConnect);
		},
		async notify(channel, payload) {
			await client.notify(channel, payload);
		}
	};
	return { db, kind: 'postgres', notifications, close: () => client.end({ timeout: 5 }) };
}

// PostgreSQL's default of 128 MB for its own page cache is held in the WebAssembly memory for good; the
// operating system caches the data files as well, so a small cache keeps the server light at no real cost.
// The data is in memory, so reading a page out of order costs about what reading the next one does (1.1, the
// usual value for data in memory, not the default 4 for spinning disks): with 4 the planner read all 1,000
// knowledge entries for a misspelt word rather than use the trigram index (CPU 28 -> 12 ms).
const PGLITE_SETTINGS = ['shared_buffers=32MB', 'random_page_cost=1.1'];

/** Trigram search for the knowledge base (typing mistakes); PGlite loads an extension only when asked at start. */
export const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * Creating a new embedded database (initdb) takes some 600 MB that the WebAssembly runtime never hands
 * back, so on first start it runs in a short-lived child process and the server opens the result.
 */
async function createDataDirApart(dir: string): Promise<void> {
	if (existsSync(join(dir, 'PG_VERSION'))) return;
	const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
	const script = `const { PGlite } = require(${JSON.stringify(pglite)}); const db = new PGlite(${JSON.stringify(dir)}); db.waitReady.then(() => db.close());`;
	const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
	if (child.status !== 0) throw new Error(`Could not create the embedded database in ${dir}: ${child.stderr.trim().split('\n').at(-1) ?? ''}`);
}

/**
 * How this process's connections show in pg_stat_activity: with several app servers on one database, the
 * process id tells which server a connection (such as its LISTEN) belongs to. PGAPPNAME, or application_name in
 * DATABASE_URL, still wins.
 */
function applicationName(): string {
	return process.env.PGAPPNAME || `leerkompas pid ${process.pid}`;
}

// Several app servers may start at once against one PostgreSQL: an advisory lock lets one migrate at a time.
async function migrateWithLock(url: string) {
	const client = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: applicationName() } });
	try {
		await client`select pg_advisory_lock(7346001)`;
		await runMigrations(migrationsFolder(), (folder) => migratePostgres(drizzlePostgres(client), { migrationsFolder: folder }));
	} finally {
		await client.end({ timeout: 5 });
	}
}
