// Every repository test gets an empty, migrated database of its own: in-memory PGlite always,
// and a fresh database on the PostgreSQL server when TEST_DATABASE_URL is set. Both start as a copy of a
// migrated template (./database-template.ts), which is much cheaper than creating and migrating each one.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { pgliteTemplateDump, postgresTemplate } from './database-template';
import { leasePglite } from './pglite-pool';

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A new, empty, migrated in-memory PGlite of its own (never one used before), whichever database the other tests use. */
export async function openTestPglite(): Promise<DatabaseHandle> {
	return openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplateDump() });
}

/** An empty, migrated database; on PGlite possibly one an earlier test closed, emptied (./pglite-pool.ts). */
export async function openTestDatabase(): Promise<DatabaseHandle> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) return leasePglite();
	const created = await createTestPostgres(url, 'leerkompas_t_');
	const handle = await openDatabase({ kind: 'postgres', url: created.url });
	return {
		...handle,
		async close() {
			await handle.close();
			await created.drop();
		}
	};
}

/** A new database on the server at `url`, copied from the migrated template; `drop` removes it. */
export async function createTestPostgres(url: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
	const template = await postgresTemplate(url);
	const name = `${prefix}${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`create database ${name} template ${template}`);
	} catch (e) {
		await admin.end();
		throw e;
	}
	const testUrl = new URL(url);
	testUrl.pathname = `/${name}`;
	return {
		url: testUrl.toString(),
		async drop() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
