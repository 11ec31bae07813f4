// Every repository test gets an empty, migrated database of its own: in-memory PGlite always,
// and a fresh database on the PostgreSQL server when TEST_DATABASE_URL is set.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';

export const databaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function openTestDatabase(): Promise<DatabaseHandle> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) return openDatabase({ kind: 'pglite' });
	const name = `leerkompas_t_${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const testUrl = new URL(url);
	testUrl.pathname = `/${name}`;
	const handle = await openDatabase({ kind: 'postgres', url: testUrl.toString() });
	return {
		...handle,
		async close() {
			await handle.close();
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		}
	};
}
