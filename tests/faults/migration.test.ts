// Restarting during a migration, and a migration that fails. A newer version is simulated as a copy of the
// build with a drizzle/ folder of its own beside it (the server takes the migrations nearest to its code,
// see src/lib/server/db/paths.ts): the real migrations plus one more. Drizzle applies all pending
// migrations in one transaction, so:
//
// 1. A server killed (SIGKILL) while the new migration runs, halfway through its statements, leaves the
//    database as it was: it opens, the old version runs on it, the migration is not recorded, and the stored
//    answers are intact. The next start of the new version applies the migration in full.
//    The migration waits halfway on a signal the test controls, so the kill lands in the middle for certain:
//    on PostgreSQL an advisory lock the test holds (seen waiting in pg_stat_activity); on PGlite, which runs
//    inside the server's process, a file the migration writes into the data folder and one it waits for.
// 2. A migration that fails (an SQL error in its last statement) stops the server with one line that names
//    the migration and says nothing was changed; the database is untouched and the old version runs on it.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { migrationsFolderWith, shippedMigrationCount, type ExtraMigration } from '../helpers/migrations';
import {
	alive,
	countedAfterClosing,
	launchServer,
	ownerWithRounds,
	Respondent,
	runRespondents,
	runServerToExit,
	runSql,
	scratchDatabase,
	snapshotBuild,
	stackLines,
	startServer,
	storedOnDisk,
	waitFor,
	type ScratchDatabase, ONE_ADDRESS_FOR_ALL } from './support';
import { cleanupsAfterAll } from './cleanups';

const postgresUrl = process.env.TEST_DATABASE_URL;
const HALFWAY_LOCK = 734_600_299;

const cleanups = cleanupsAfterAll();

function snapshot(extra: ExtraMigration[] = []): string {
	const build = snapshotBuild();
	cleanups.push(() => build.remove());
	if (extra.length > 0) migrationsFolderWith(join(build.dir, 'drizzle'), extra);
	return build.dir;
}

/** The current version, with a firm, a round and `count` thanked respondents; stopped again. */
async function storedAnswers(database: ScratchDatabase, buildDir: string, count: number, label: string) {
	const server = await startServer(database, undefined, ONE_ADDRESS_FOR_ALL, buildDir);
	cleanups.push(() => server.kill('SIGKILL'));
	const { owner, slug, rounds } = await ownerWithRounds(server.baseUrl, 1, label, database.env.LEERKOMPAS_DATA_DIR);
	const respondents = Array.from({ length: count }, (_, i) => new Respondent(server.baseUrl, rounds[0]!.survey, `${label}-marker-${i}-end`, i));
	await runRespondents(respondents, 4);
	expect(respondents.map((r) => r.state)).toEqual(respondents.map(() => 'thanked'));
	await server.kill('SIGTERM');
	return { owner, slug, rounds, respondents };
}

/** What a check needs to know of the schema: how many migrations are recorded, which tables and columns exist. */
async function schemaState(database: ScratchDatabase, table: string, column: string) {
	const [migrations, tableRow, columnRow] = (await runSql(database, [
		'select count(*)::int as n from drizzle.__drizzle_migrations',
		`select to_regclass('public.${table}') is not null as present`,
		`select count(*)::int as n from information_schema.columns where table_name = 'scan_response' and column_name = '${column}'`
	])).map((rows) => rows[0]);
	return { migrations: migrations!.n, table: tableRow!.present, column: columnRow!.n === 1 };
}

/** Starts `buildDir` on the data and checks that the owner's round page still counts everyone. */
async function servesAll(database: ScratchDatabase, buildDir: string, stored: Awaited<ReturnType<typeof storedAnswers>>) {
	// The same port as before: the owner's session and links point there.
	const server = await startServer(database, Number(new URL(stored.owner.baseUrl).port), ONE_ADDRESS_FOR_ALL, buildDir);
	cleanups.push(() => server.kill('SIGKILL'));
	// Everyone has answered: the owner closes the round (it stays closed on a second start), and the archive counts them.
	expect(await countedAfterClosing(stored.owner, stored.slug, stored.rounds)).toBe(stored.respondents.length);
	expect(stackLines(server.output())).toEqual([]);
	await server.kill('SIGTERM');
	const after = await storedOnDisk(database, [stored.rounds[0]!.id]);
	for (const r of stored.respondents) expect(after.markers.get(r.marker), r.marker).toBe(1);
	expect(after.responses).toBe(stored.respondents.length);
	expect(after.receipts).toBe(stored.respondents.length);
}

describe(`a server killed halfway through a migration (${postgresUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('leaves the database as it was, the old version runs on it, and the next start applies the migration in full', async () => {
		const database = await scratchDatabase('migration-kill');
		cleanups.push(() => database.drop());
		const pgliteData = join(database.env.LEERKOMPAS_DATA_DIR!, 'pglite');
		const running = join(pgliteData, 'fault-migration-running');
		const gate = join(pgliteData, 'fault-migration-gate');
		// Halfway: after a new table, a new column and every stored response rewritten; before the last index.
		const halfway = postgresUrl
			? `SELECT pg_advisory_xact_lock(${HALFWAY_LOCK})`
			: `DO $$ BEGIN
				EXECUTE format('COPY (SELECT 1) TO %L', current_setting('data_directory') || '/fault-migration-running');
				WHILE (pg_stat_file(current_setting('data_directory') || '/fault-migration-gate', true)).size IS NOT NULL LOOP
					PERFORM pg_sleep(0.05);
				END LOOP;
			END $$`;
		const upgrade: ExtraMigration = {
			tag: '0001_fault_upgrade',
			statements: [
				'CREATE TABLE "fault_upgrade" ("id" integer PRIMARY KEY, "note" text NOT NULL)',
				'ALTER TABLE "scan_response" ADD COLUMN "fault_note" text',
				`UPDATE "scan_response" SET "fault_note" = 'migrated'`,
				halfway,
				'CREATE INDEX "fault_upgrade_note_idx" ON "fault_upgrade" ("note")'
			]
		};
		const current = snapshot();
		const newer = snapshot([upgrade]);
		const stored = await storedAnswers(database, current, 6, 'migkill');
		expect(await schemaState(database, 'fault_upgrade', 'fault_note')).toEqual({ migrations: shippedMigrationCount(), table: false, column: false });

		// The newer version starts and stops halfway through its migration; it is killed there.
		// Two connections: one holds the lock, the other watches the migration wait for it.
		const admin = postgresUrl ? postgres(database.env.DATABASE_URL!, { max: 2, onnotice: () => {} }) : null;
		cleanups.push(() => admin?.end({ timeout: 5 }));
		const holder = admin ? await admin.reserve() : null;
		cleanups.push(() => holder?.release());
		if (holder) await holder`select pg_advisory_lock(${HALFWAY_LOCK})`;
		else writeFileSync(gate, 'wait');
		const upgrading = await launchServer(database, undefined, ONE_ADDRESS_FOR_ALL, newer);
		cleanups.push(() => upgrading.kill('SIGKILL'));
		await waitFor(async () => {
			alive(upgrading);
			if (!admin) return existsSync(running);
			const [row] = await admin<{ n: number }[]>`
				select count(*)::int as n from pg_stat_activity
				where datname = current_database() and wait_event_type = 'Lock' and query like ${`%pg_advisory_xact_lock(${HALFWAY_LOCK})%`}`;
			return row!.n === 1;
		}, 'the migration to reach its halfway point');
		await upgrading.kill('SIGKILL');
		if (holder) await holder`select pg_advisory_unlock(${HALFWAY_LOCK})`;
		else rmSync(gate);

		// As the kill left it: opens, nothing of the migration is there, the answers are.
		expect(await schemaState(database, 'fault_upgrade', 'fault_note')).toEqual({ migrations: shippedMigrationCount(), table: false, column: false });
		// The old version runs on it (a rollback of the upgrade needs nothing else).
		await servesAll(database, current, stored);

		// The newer version again: this time the migration runs to the end.
		await servesAll(database, newer, stored);
		expect(await schemaState(database, 'fault_upgrade', 'fault_note')).toEqual({ migrations: shippedMigrationCount() + 1, table: true, column: true });
		const [migrated] = await runSql(database, [`select count(*)::int as n from scan_response where fault_note = 'migrated'`]);
		expect(migrated![0]!.n).toBe(stored.respondents.length);
	});
});

describe(`a migration that fails (${postgresUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('stops the server with one line naming the migration, changes nothing, and the old version still runs', async () => {
		const database = await scratchDatabase('migration-fail');
		cleanups.push(() => database.drop());
		const current = snapshot();
		const broken = snapshot([
			{
				tag: '0001_fault_broken',
				statements: [
					'CREATE TABLE "fault_half" ("id" integer PRIMARY KEY)',
					'ALTER TABLE "scan_response" ADD COLUMN "fault_half" text',
					'ALTER TABLE "no_such_table" ADD COLUMN "x" text'
				]
			}
		]);
		const stored = await storedAnswers(database, current, 4, 'migfail');

		const { code, output } = await runServerToExit(database, {}, broken);
		expect(code).toBe(1);
		expect(output.trim().split('\n')).toEqual([
			'Leerkompas cannot start: database migration 0001_fault_broken failed: relation "no_such_table" does not exist (42P01). ' +
				'Nothing was changed: pending migrations run in one transaction, which was rolled back. Fix the migration, or start the previous version.'
		]);
		expect(stackLines(output)).toEqual([]);

		expect(await schemaState(database, 'fault_half', 'fault_half')).toEqual({ migrations: shippedMigrationCount(), table: false, column: false });
		await servesAll(database, current, stored);
	});
});
