import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { databaseKind, openTestDatabase, openTestPglite } from '../../../../tests/helpers/database';
import type { Database, DatabaseHandle } from '../db/client';
import {
	account,
	adminSetupToken,
	adviserGrant,
	firmInvitation,
	instanceSetting,
	session,
	user,
	verification
} from '../db/schema';
import { createFirm } from '../firms/create-firm';
import { BackupError, createBackup, readBackupHeader, restoreBackup } from './backup';
import { rowsOf } from '../db/raw-rows';
import { foreignKeyOrder, listTables } from './catalog';

let dir: string;
const open: DatabaseHandle[] = [];
async function testDb(): Promise<DatabaseHandle> {
	const h = await openTestDatabase();
	open.push(h);
	return h;
}
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'leerkompas-backup-'));
});
afterEach(async () => {
	while (open.length > 0) await open.pop()?.close();
	await rm(dir, { recursive: true, force: true });
});

async function fill(db: Database): Promise<void> {
	await db.insert(user).values([
		{ id: 'u-admin', name: 'Ria Beheer', email: 'ria@example.nl', role: 'admin', emailVerified: true },
		{ id: 'u-owner', name: 'Ahmet "de baas"\nÖzdemir', email: 'ahmet@bakkerij.test' },
		{ id: 'u-adviser', name: 'Els', email: 'els@advies.test' }
	]);
	await db.insert(account).values({
		id: 'a1',
		accountId: 'u-owner',
		providerId: 'credential',
		userId: 'u-owner',
		password: 'scrypt$hash$with$dollars'
	});
	await db.insert(session).values({
		id: 's1',
		token: 'tok-1',
		userId: 'u-owner',
		expiresAt: new Date('2026-05-01T10:00:00.123Z'),
		ipAddress: null
	});
	const created = await createFirm(db, { name: 'Bakkerij Één', employees: 12, sector: 'industrie', province: 'utrecht', ownerUserId: 'u-owner' });
	if (!created.ok) throw new Error(JSON.stringify(created.errors));
	await createFirm(db, { name: 'Metaal Twente', employees: 80, sector: 'metaal-techniek', province: 'overijssel' });
	await db.insert(adviserGrant).values([
		{ firmId: created.firm.id, adviserId: 'u-adviser', kind: 'coach', grantedBy: 'u-owner' },
		{ firmId: created.firm.id, adviserId: 'u-adviser', kind: 'adviser', grantedBy: 'u-owner', revokedAt: new Date('2026-02-03T04:05:06.789Z') }
	]);
	await db.insert(firmInvitation).values({
		firmId: created.firm.id,
		email: 'joost@bakkerij.test',
		role: 'manager',
		tokenHash: 'h1',
		invitedBy: 'u-owner',
		expiresAt: new Date('2026-06-01T00:00:00Z')
	});
	await db.insert(adminSetupToken).values({ tokenHash: 'abc', expiresAt: new Date('2026-01-02T00:00:00Z'), usedAt: new Date('2026-01-01T12:00:00Z') });
	await db.insert(instanceSetting).values({ key: 'auth_secret', value: 'x'.repeat(64) });
}

/** Every table as JSON text, rows in primary-key order: equal snapshots mean equal data. */
async function snapshot(db: Database): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const t of await listTables(db)) {
		const order = t.primaryKey.map((c) => `"${c}"`).join(', ');
		const rows = await rowsOf(db, sql.raw(`select row_to_json(t)::text as j from "${t.name}" t order by ${order}`));
		out[t.name] = rows.map((r) => String(r['j']));
	}
	return out;
}

async function rewrite(file: string, change: (lines: string[]) => string[]): Promise<void> {
	const lines = gunzipSync(await readFile(file)).toString('utf8').split('\n');
	await writeFile(file, gzipSync(change(lines).join('\n')));
}

describe(`backup and restore (${databaseKind})`, () => {
	it('round-trips every table exactly', async () => {
		const source = await testDb();
		await fill(source.db);
		const file = join(dir, 'backup.json.gz');
		const written = await createBackup(source.db, file);
		expect(written.tables.find((t) => t.name === 'firm')?.rows).toBe(2);
		expect(written.rows).toBe(13);

		const target = await testDb();
		const restored = await restoreBackup(target.db, file);
		expect(restored.rows).toBe(13);
		const before = await snapshot(source.db);
		expect(before['user']).toHaveLength(3);
		expect(await snapshot(target.db)).toEqual(before);
	});

	it('writes one gzip-compressed JSON document with a format version and the migration count', async () => {
		const source = await testDb();
		await fill(source.db);
		const file = join(dir, 'backup.json.gz');
		await createBackup(source.db, file);
		const doc = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as {
			format: string;
			version: number;
			migrations: number;
			tables: { name: string }[];
			data: { table: string; rows: Record<string, unknown>[] }[];
		};
		expect(doc.format).toBe('leerkompas-backup');
		expect(doc.version).toBe(1);
		const [migrations] = await rowsOf(source.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
		expect(doc.migrations).toBe(migrations?.['n']);
		const order = doc.tables.map((t) => t.name);
		expect(order.indexOf('user')).toBeLessThan(order.indexOf('session'));
		expect(order.indexOf('firm')).toBeLessThan(order.indexOf('firm_member'));
		expect(order.indexOf('user')).toBeLessThan(order.indexOf('adviser_grant'));
		expect(doc.data.find((d) => d.table === 'user')?.rows.map((r) => r['email'])).toContain('ria@example.nl');
		expect(await readBackupHeader(file)).toMatchObject({ format: 'leerkompas-backup', migrations: doc.migrations });
	});

	it('pages through large tables', async () => {
		const source = await testDb();
		const values = Array.from({ length: 2345 }, (_, i) => ({
			id: `v${String(i).padStart(5, '0')}`,
			identifier: `mail-${i}@example.nl`,
			value: `waarde ${i}`,
			expiresAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i))
		}));
		for (let i = 0; i < values.length; i += 500) await source.db.insert(verification).values(values.slice(i, i + 500));
		const file = join(dir, 'big.json.gz');
		await createBackup(source.db, file);
		const lines = gunzipSync(await readFile(file)).toString('utf8').trim().split('\n');
		expect(lines.filter((l) => l.includes('"table":"verification"'))).toHaveLength(3);

		const target = await testDb();
		await restoreBackup(target.db, file);
		expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
	});

	it('includes tables it was never told about, keeping identity ids, big numbers and binary data', async () => {
		const source = await testDb();
		const target = await testDb();
		const ddl = sql.raw(`create table extra_counter (
			id integer generated always as identity primary key,
			note text not null,
			shout text generated always as (upper(note)) stored,
			big bigint, data jsonb, blob bytea)`);
		await source.db.execute(ddl);
		await target.db.execute(ddl);
		await source.db.execute(
			sql.raw(`insert into extra_counter (note, big, data, blob) values
				('een', 9007199254740993, '{"n": 12345678901234567890}', '\\x00ff10'),
				('twee', null, null, null), ('drie', -1, '[]', '\\x')`)
		);
		await source.db.execute(sql.raw(`delete from extra_counter where note = 'twee'`));
		const file = join(dir, 'extra.json.gz');
		await createBackup(source.db, file);
		await restoreBackup(target.db, file);
		expect(await snapshot(target.db)).toEqual(await snapshot(source.db));

		const [big] = await rowsOf(target.db, sql.raw(`select big::text as b, data::text as d, encode(blob, 'hex') as x, shout from extra_counter where id = 1`));
		expect(big).toEqual({ b: '9007199254740993', d: '{"n": 12345678901234567890}', x: '00ff10', shout: 'EEN' });
		// The identity sequence continues after the restored ids instead of colliding with them.
		const [next] = await rowsOf(target.db, sql.raw(`insert into extra_counter (note) values ('vier') returning id`));
		expect(next?.['id']).toBe(4);
	});

	it('refuses a database that holds data, and with force replaces it', async () => {
		const source = await testDb();
		await fill(source.db);
		const file = join(dir, 'backup.json.gz');
		await createBackup(source.db, file);

		const target = await testDb();
		await target.db.insert(instanceSetting).values({ key: 'only-here', value: '1' });
		const error = await restoreBackup(target.db, file).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(BackupError);
		expect((error as BackupError).code).toBe('not_empty');
		expect(await snapshot(target.db)).toMatchObject({ instance_setting: ['{"key":"only-here","value":"1"}'], user: [] });

		await restoreBackup(target.db, file, { force: true });
		expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
	});

	it('leaves the database untouched when the file turns out damaged halfway', async () => {
		const source = await testDb();
		await fill(source.db);
		const file = join(dir, 'backup.json.gz');
		await createBackup(source.db, file);
		// Drop the last chunk of rows but keep the ending, as a careless edit would.
		await rewrite(file, (lines) => [...lines.slice(0, -3), ...lines.slice(-2)]);

		const target = await testDb();
		await expect(restoreBackup(target.db, file)).rejects.toMatchObject({ code: 'bad_file' });
		expect(Object.values(await snapshot(target.db)).every((rows) => rows.length === 0)).toBe(true);
	});

	it('refuses files that are cut off, not gzip, or not a backup', async () => {
		const source = await testDb();
		await fill(source.db);
		const file = join(dir, 'backup.json.gz');
		await createBackup(source.db, file);
		const full = await readFile(file);
		const target = await testDb();

		const cut = join(dir, 'cut.json.gz');
		await writeFile(cut, full.subarray(0, Math.floor(full.length / 2)));
		await expect(restoreBackup(target.db, cut)).rejects.toMatchObject({ code: 'bad_file' });

		const plain = join(dir, 'plain.json');
		await writeFile(plain, gunzipSync(full));
		await expect(restoreBackup(target.db, plain)).rejects.toMatchObject({ code: 'bad_file' });

		const other = join(dir, 'other.json.gz');
		await writeFile(other, gzipSync('{"hello": "world"}\n'));
		await expect(restoreBackup(target.db, other)).rejects.toMatchObject({ code: 'bad_file' });

		const noEnd = join(dir, 'noend.json.gz');
		await writeFile(noEnd, gzipSync(gunzipSync(full).toString('utf8').replace(/\]\}\n$/, '')));
		await expect(restoreBackup(target.db, noEnd)).rejects.toMatchObject({ code: 'bad_file' });

		await expect(restoreBackup(target.db, join(dir, 'missing.json.gz'))).rejects.toMatchObject({ code: 'not_found' });
		expect(Object.values(await snapshot(target.db)).every((rows) => rows.length === 0)).toBe(true);
	});

	it('refuses a backup of another database version or with other tables', async () => {
		const source = await testDb();
		const file = join(dir, 'backup.json.gz');
		await createBackup(source.db, file);
		const target = await testDb();
		const header = await readBackupHeader(file);

		const newer = join(dir, 'newer.json.gz');
		await writeFile(newer, gzipSync(gunzipSync(await readFile(file)).toString('utf8').replace(`"migrations":${header.migrations}`, `"migrations":${header.migrations + 1}`)));
		await expect(restoreBackup(target.db, newer)).rejects.toMatchObject({
			code: 'newer_version',
			details: { backup: header.migrations + 1, current: header.migrations }
		});

		const older = join(dir, 'older.json.gz');
		await writeFile(older, gzipSync(gunzipSync(await readFile(file)).toString('utf8').replace(`"migrations":${header.migrations}`, `"migrations":${header.migrations - 1}`)));
		await expect(restoreBackup(target.db, older)).rejects.toMatchObject({ code: 'older_version' });

		const extraTable = join(dir, 'extra.json.gz');
		await writeFile(extraTable, gzipSync(gunzipSync(await readFile(file)).toString('utf8').replace('"tables":[', '"tables":[{"name":"survey","columns":["id"],"rows":0},')));
		await expect(restoreBackup(target.db, extraTable)).rejects.toMatchObject({
			code: 'schema_mismatch',
			details: { detail: 'table survey is not in this database' }
		});
	});

	it('does not overwrite an existing file unless asked, and needs an existing folder', async () => {
		const source = await testDb();
		const file = join(dir, 'backup.json.gz');
		await writeFile(file, 'vorige back-up');
		await expect(createBackup(source.db, file)).rejects.toMatchObject({ code: 'file_exists' });
		expect(await readFile(file, 'utf8')).toBe('vorige back-up');
		await createBackup(source.db, file, { overwrite: true });
		expect((await readBackupHeader(file)).format).toBe('leerkompas-backup');
		await expect(createBackup(source.db, join(dir, 'nope', 'b.json.gz'))).rejects.toMatchObject({ code: 'no_directory' });
		expect(existsSync(`${file}.${process.pid}.partial`)).toBe(false);
	});

	it('moves data from the embedded database to the test database', async () => {
		const embedded = await openTestPglite();
		open.push(embedded);
		await fill(embedded.db);
		const file = join(dir, 'move.json.gz');
		await createBackup(embedded.db, file);
		const target = await testDb();
		await restoreBackup(target.db, file);
		expect(await snapshot(target.db)).toEqual(await snapshot(embedded.db));
	});
});

describe('foreignKeyOrder', () => {
	it('puts parents first and breaks ties by name', () => {
		const order = foreignKeyOrder(
			new Map([
				['c', new Set(['b'])],
				['b', new Set(['a'])],
				['a', new Set<string>()],
				['d', new Set(['a'])]
			])
		);
		expect(order).toEqual(['a', 'b', 'd', 'c']);
	});
	it('names the tables of a cycle', () => {
		expect(() =>
			foreignKeyOrder(
				new Map([
					['x', new Set(['y'])],
					['y', new Set(['x'])],
					['z', new Set<string>()]
				])
			)
		).toThrow('x, y');
	});
});
