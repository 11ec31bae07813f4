import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrationsFolderWith, shippedMigrationCount } from '../../../../tests/helpers/migrations';
import { MigrationFailedError, migrationWithStatement, runMigrations } from './migrations';
import { PGLITE_EXTENSIONS } from './client';

const scratch = mkdtempSync(join(tmpdir(), 'leerkompas-migrations-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const broken = migrationsFolderWith(join(scratch, 'broken'), [
	{ tag: '0001_fault_fine', statements: ['CREATE TABLE "fault_fine" ("id" integer PRIMARY KEY)'] },
	{ tag: '0002_fault_broken', statements: ['CREATE TABLE "fault_half" ("id" integer PRIMARY KEY)', 'ALTER TABLE "no_such_table" ADD COLUMN "x" text'] }
]);

describe('migrationWithStatement', () => {
	it('finds the migration that holds a statement, as Drizzle splits the file', () => {
		expect(migrationWithStatement(broken, '\nALTER TABLE "no_such_table" ADD COLUMN "x" text')).toBe('0002_fault_broken');
		expect(migrationWithStatement(broken, 'CREATE TABLE "fault_fine" ("id" integer PRIMARY KEY)')).toBe('0001_fault_fine');
		expect(migrationWithStatement(broken, 'select 1')).toBeNull();
	});
});

describe('runMigrations', () => {
	it('names the migration that failed, with the reason, and leaves the database as it was', async () => {
		const client = new PGlite({ extensions: PGLITE_EXTENSIONS });
		try {
			await runMigrations('drizzle', (folder) => migrate(drizzle(client), { migrationsFolder: folder }));
			const failed = runMigrations(broken, (folder) => migrate(drizzle(client), { migrationsFolder: folder }));
			await expect(failed).rejects.toBeInstanceOf(MigrationFailedError);
			await expect(failed).rejects.toMatchObject({
				migration: '0002_fault_broken',
				reason: 'relation "no_such_table" does not exist (42P01)',
				message: 'Database migration 0002_fault_broken failed: relation "no_such_table" does not exist (42P01)'
			});
			// One transaction: neither the good migration before it nor the first statement of the bad one stayed.
			const tables = await client.query<{ name: string }>(`select tablename as name from pg_tables where tablename like 'fault_%'`);
			expect(tables.rows).toEqual([]);
			const applied = await client.query<{ n: number }>('select count(*)::int as n from drizzle.__drizzle_migrations');
			expect(applied.rows[0]!.n).toBe(shippedMigrationCount());
		} finally {
			await client.close();
		}
	});

	it('passes a lost connection through as it was: that is not the migration’s fault', async () => {
		const lost = Object.assign(new Error('Failed query: CREATE TABLE "fault_fine" ("id" integer PRIMARY KEY)'), {
			query: 'CREATE TABLE "fault_fine" ("id" integer PRIMARY KEY)',
			cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
		});
		await expect(runMigrations(broken, () => Promise.reject(lost))).rejects.toBe(lost);
	});
});
