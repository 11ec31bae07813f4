import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asc } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { firm, user } from '../../src/lib/server/db/schema';
import { embeddedTarget, hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from './helpers';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
	while (cleanup.length > 0) await cleanup.pop()?.();
});

async function contents(t: Target): Promise<{ firms: string[]; users: string[] }> {
	const h = await t.open();
	try {
		const db: Database = h.db;
		return {
			firms: (await db.select().from(firm).orderBy(asc(firm.slug))).map((f) => `${f.slug}|${f.name}|${f.employees}|${f.createdAt.toISOString()}`),
			users: (await db.select().from(user).orderBy(asc(user.id))).map((u) => `${u.id}|${u.email}|${u.role}`)
		};
	} finally {
		await h.close();
	}
}

describe(`leerkompas backup and restore (embedded to ${targetKind})`, () => {
	it('moves all data into a new database, refuses to overwrite it, and replaces it with --force', async () => {
		const source = await embeddedTarget({ migrated: true });
		cleanup.push(source.remove);
		const files = await tempDir('leerkompas-cli-backup-');
		cleanup.push(files.remove);
		const file = join(files.path, 'leerkompas-backup.json.gz');

		expect((await runCliInProcess(['org', 'create', '--name', 'Bakkerij Één', '--employees', '7'], source.env)).code).toBe(0);
		expect((await runCliInProcess(['org', 'create', '--name', 'Installatiebedrijf Noord', '--employees', '33', '--province', 'groningen'], source.env)).code).toBe(0);
		const h = await source.open();
		await h.db.insert(user).values({ id: 'u1', name: 'Ria', email: 'ria@example.nl', role: 'admin' });
		await h.close();
		const original = await contents(source);
		expect(original.firms).toHaveLength(2);

		const backup = await runCliInProcess(['backup', file], source.env);
		expect(backup.code, backup.stderr).toBe(0);
		expect(backup.stdout).toMatch(/^Back-up gemaakt: .*leerkompas-backup\.json\.gz \(3 rijen uit \d+ tabellen\)\.\n$/);
		expect(existsSync(file)).toBe(true);

		const again = await runCliInProcess(['backup', file], source.env);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('bestaat al');
		expect((await runCliInProcess(['backup', file, '--force'], source.env)).code).toBe(0);

		const target = await testTarget();
		cleanup.push(target.remove);
		const restore = await runCliInProcess(['restore', file], target.env);
		expect(restore.code, restore.stderr).toBe(0);
		expect(restore.stdout).toMatch(/^Back-up teruggezet uit .*: 3 rijen in \d+ tabellen\.\n$/);
		expect(await contents(target)).toEqual(original);

		// The restored database now holds data: a second restore must not mix or replace it silently.
		expect((await runCliInProcess(['org', 'create', '--name', 'Alleen in het doel'], target.env)).stdout).toBe('alleen-in-het-doel\n');
		const refused = await runCliInProcess(['restore', file], target.env);
		expect(refused.code).toBe(1);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toContain('Fout: De database bevat al gegevens.');
		expect(refused.stderr).toContain('--force');
		expect((await contents(target)).firms).toHaveLength(3);

		const forced = await runCliInProcess(['restore', file, '--force'], target.env);
		expect(forced.code, forced.stderr).toBe(0);
		expect(await contents(target)).toEqual(original);
	}, 300_000);

	it('refuses a missing file or one that is not a backup, without a stack trace', async () => {
		const target = await testTarget();
		cleanup.push(target.remove);
		const files = await tempDir('leerkompas-cli-backup-');
		cleanup.push(files.remove);

		const missing = await runCliInProcess(['restore', join(files.path, 'nergens.json.gz')], target.env);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('bestaat niet');

		const notBackup = join(files.path, 'package.json');
		const { copyFile } = await import('node:fs/promises');
		await copyFile(join(process.cwd(), 'package.json'), notBackup);
		const bad = await runCliInProcess(['--lang', 'en', 'restore', notBackup], target.env);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('is not a Leerkompas backup, or it is damaged');
		expect(bad.stderr).toContain('Nothing was changed.');
		expect(hasStackTrace(bad.stderr)).toBe(false);

		const noFolder = await runCliInProcess(['backup', join(files.path, 'nope', 'b.json.gz')], target.env);
		expect(noFolder.code).toBe(1);
		expect(noFolder.stderr).toContain('bestaat niet');
	}, 120_000);
});
