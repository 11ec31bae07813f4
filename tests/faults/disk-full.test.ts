// A database that cannot write: a full disk, or a write error injected where the disk is not ours to fill.
// While the fault lasts, a respondent who sends gets a 503 with a plain Dutch message (saving is not possible
// now, earlier answers are kept, try again later), never a 500; the server stays up; nothing is half-stored
// (a response without its receipt or the other way round). Once the fault is gone, the same respondents send
// the same form again and each is stored exactly once: their answers were kept all along.
//
// 1. Injected: a trigger that raises SQLSTATE 53100 (disk_full) on every insert into scan_response, on both
//    databases. PostgreSQL takes it and drops it while the server runs; the embedded database (PGlite) has one
//    connection, the server's, so there the server is stopped to add or remove it, as an administrator would.
// 2. A real full disk, where this machine lets the test mount a small tmpfs (root in a container may; if not,
//    the case is not registered and the injected fault above stands in): PGlite's data folder on it, or on
//    PostgreSQL a tablespace on it that holds the responses and receipts (only when PostgreSQL runs on this
//    machine). The test fills every byte, and frees them again.
import { existsSync, mkdirSync, rmSync, statSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import postgres from 'postgres';
import {
	alive,
	completeAnswers,
	countedAfterClosing,
	mountSmallDisk,
	ownerWithRounds,
	Respondent,
	runRespondents,
	runSql,
	scratchDatabase,
	snapshotBuild,
	stackLines,
	startServer,
	storedIn,
	storedOnDisk,
	type RunningServer,
	type ScratchDatabase,
	type StoredRounds,
	ONE_ADDRESS_FOR_ALL
} from './support';
import { openDatabase } from '../../src/lib/server/db/client';
import { cleanupsAfterAll } from './cleanups';

const postgresUrl = process.env.TEST_DATABASE_URL;
const CANNOT_SAVE = 'Opslaan lukt nu niet, door een probleem op de server. Wat u eerder heeft ingevuld of opgeslagen, is bewaard. Probeer het later opnieuw.';

const ADD_DISK_FULL_TRIGGER = [
	`create function fault_disk_full() returns trigger language plpgsql as $$
		begin raise exception 'could not extend file "scan_response": No space left on device (injected by a fault test)' using errcode = 'disk_full'; end $$`,
	'create trigger fault_disk_full before insert on scan_response for each row execute function fault_disk_full()'
];
const DROP_DISK_FULL_TRIGGER = ['drop trigger fault_disk_full on scan_response', 'drop function fault_disk_full()'];

const cleanups = cleanupsAfterAll();

let build: ReturnType<typeof snapshotBuild> | undefined;
function buildDir(): string {
	if (!build) {
		build = snapshotBuild();
		const snapshot = build;
		cleanups.unshift(() => snapshot.remove());
	}
	return build.dir;
}

interface WriteFault {
	/** Starts the fault; may restart the server (on the same port) and returns the one to use. */
	begin(server: RunningServer): Promise<RunningServer>;
	end(server: RunningServer): Promise<RunningServer>;
	/** A real disk may still have room in a page already there: then some sends are stored during the fault. */
	allSendsFail: boolean;
}

/**
 * What `roundIds` hold now, read from the database while `server` runs on it and the round stays open: on
 * PostgreSQL through a connection of our own; PGlite has one process only, so there the server is stopped,
 * the data read and the server started again. Returns the server to go on with.
 */
async function storedWhileServing(database: ScratchDatabase, server: RunningServer, roundIds: string[]): Promise<{ stored: StoredRounds; server: RunningServer }> {
	if (postgresUrl) {
		const handle = await openDatabase(database.target);
		try {
			return { stored: await storedIn(handle.db, roundIds), server };
		} finally {
			await handle.close();
		}
	}
	let stored: StoredRounds | undefined;
	const restarted = await restart(server, database, async () => (stored = await storedOnDisk(database, roundIds)));
	return { stored: stored!, server: restarted };
}

async function restart(server: RunningServer, database: ScratchDatabase, between: () => Promise<unknown>): Promise<RunningServer> {
	const port = Number(new URL(server.baseUrl).port);
	await server.kill('SIGTERM');
	await between();
	return startServer(database, port, ONE_ADDRESS_FOR_ALL, buildDir());
}

/**
 * The scenario every case shares: five respondents are thanked before the fault, twelve answer and send
 * during it, then the fault ends and those twelve send again. Checks the answers, the log and the database.
 */
async function sendThroughWriteFault(database: ScratchDatabase, label: string, fault: WriteFault, setUp?: (server: RunningServer) => Promise<unknown>) {
	let server = await startServer(database, undefined, ONE_ADDRESS_FOR_ALL, buildDir());
	cleanups.push(() => server.kill('SIGKILL'));
	await setUp?.(server);
	const { owner, slug, rounds } = await ownerWithRounds(server.baseUrl, 1, label, database.env.LEERKOMPAS_DATA_DIR);
	const respondent = (i: number) => new Respondent(server.baseUrl, rounds[0]!.survey, `${label}-marker-${i}-end`, i);
	const before = Array.from({ length: 5 }, (_, i) => respondent(i));
	await runRespondents(before, 5);
	expect(before.map((r) => r.state)).toEqual(before.map(() => 'thanked'));

	server = await fault.begin(server);
	const during = Array.from({ length: 12 }, (_, i) => respondent(100 + i));
	await runRespondents(during, 4);

	// Only redirects and 503s; each 503 says in Dutch that saving is not possible now and what to do.
	const statuses = during.flatMap((r) => r.statuses);
	console.log(`${label}: during the fault ${statuses.filter((s) => s === 303).length} posts taken, ${statuses.filter((s) => s === 503).length} answered 503, ${during.filter((r) => r.state === 'thanked').length} of ${during.length} thanked`);
	expect(statuses.filter((s) => s !== 303 && s !== 503)).toEqual([]);
	expect(statuses.filter((s) => s === 503).length, 'the fault never reached a request').toBeGreaterThan(0);
	for (const r of during.filter((r) => r.state === 'unavailable')) expect(r.lastPage).toContain(CANNOT_SAVE);
	if (fault.allSendsFail) {
		// Every screen was saved (the drafts are not what fails); every send was refused, at the send.
		for (const r of during) expect(r.statuses, r.marker).toEqual([...Array<number>(9).fill(303), 503]);
	}
	if (fault.allSendsFail) {
		// The one-page form keeps nothing before it is sent: refused, it comes back with every answer on it.
		const fields = Object.assign({}, ...completeAnswers(`${label}-one-page-end`).map((step) => step.fields)) as Record<string, string>;
		const res = await fetch(`${server.baseUrl}${rounds[0]!.survey}/all`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...fields, submissionKey: 'k'.repeat(43) }).toString()
		});
		const page = (await res.text()).replace(/&#39;/g, "'");
		expect(res.status).toBe(503);
		expect(page).toContain(CANNOT_SAVE);
		expect(page).toContain('Druk over een paar minuten nog een keer op Versturen.');
		expect(page).toContain(`${label}-one-page-end</textarea>`);
		expect(page).toMatch(/name="werk_1" value="\d" checked/);
	}
	// The server is up through the fault.
	expect(alive(server)).toBe(true);
	expect((await fetch(`${server.baseUrl}/`)).status).toBe(200);
	const faultOutput = server.output();
	expect(faultOutput).toMatch(/Database cannot write \(53100\)/);
	expect(stackLines(faultOutput)).toEqual([]);

	server = await fault.end(server);
	// Stored during the fault: exactly who was thanked (nobody sent since). Read from the database, as the
	// round is still open and the server shows no count of an open round (it would move with one person).
	const thankedDuring = during.filter((r) => r.state === 'thanked');
	const read = await storedWhileServing(database, server, [rounds[0]!.id]);
	server = read.server;
	const storedSoFar = read.stored;
	expect(storedSoFar.responses).toBe(before.length + thankedDuring.length);
	for (const r of [...before, ...thankedDuring]) expect(storedSoFar.markers.get(r.marker), r.marker).toBe(1);
	// The same respondents send the same form again (a screen refused by the fault is posted again).
	for (let pass = 0; pass < 3 && during.some((r) => r.state !== 'thanked'); pass++) {
		await runRespondents(during.filter((r) => r.state !== 'thanked'), 4);
	}
	expect(during.filter((r) => r.state !== 'thanked').map((r) => `${r.marker}: ${r.state} ${r.lastStatus} ${r.lastError}`)).toEqual([]);
	// Everyone has answered: the owner closes the round, and the archive counts who was stored.
	expect(await countedAfterClosing(owner, slug, rounds)).toBe(before.length + during.length);
	expect(stackLines(server.output())).toEqual([]);

	await server.kill('SIGTERM');
	const stored = await storedOnDisk(database, [rounds[0]!.id]);
	const everyone = [...before, ...during];
	for (const r of everyone) expect(stored.markers.get(r.marker), r.marker).toBe(1);
	expect(stored.responses).toBe(everyone.length);
	expect(stored.receipts).toBe(everyone.length);
	expect(stored.draftsWithMarker).toEqual([]);
}

describe(`an injected write error: inserting a response fails with SQLSTATE 53100 (${postgresUrl ? 'PostgreSQL, added and dropped while the server runs' : 'PGlite, added and removed with the server stopped'})`, () => {
	it('answers 503 in Dutch, stores nothing half, keeps the answers, and stores each respondent once after the fault', async () => {
		const database = await scratchDatabase('injected-write-error');
		cleanups.push(() => database.drop());
		const fault: WriteFault = postgresUrl
			? {
					begin: async (server) => (await runSql(database, ADD_DISK_FULL_TRIGGER), server),
					end: async (server) => (await runSql(database, DROP_DISK_FULL_TRIGGER), server),
					allSendsFail: true
				}
			: {
					begin: (server) => restart(server, database, () => runSql(database, ADD_DISK_FULL_TRIGGER)),
					end: (server) => restart(server, database, () => runSql(database, DROP_DISK_FULL_TRIGGER)),
					allSendsFail: true
				};
		await sendThroughWriteFault(database, 'injected', fault);
	});
});

// Whether this machine lets the test mount a small file system; checked once, before the cases are registered.
const probe = mountSmallDisk(1, 'probe');
probe?.unmount();

// Registered only where this fault can happen (on this database, where mounting is allowed), never skipped.
if (probe && !postgresUrl) describe('a full disk under the embedded database (PGlite on a 160 MB tmpfs; only where mounting is allowed)', () => {
	it('answers 503 in Dutch while the disk is full, and stores each respondent once when there is room again', async () => {
		const disk = mountSmallDisk(160, 'pglite-disk')!;
		cleanups.push(() => disk.unmount());
		const database = await scratchDatabase('full-disk', '', disk.dir);
		cleanups.push(() => database.drop());
		await sendThroughWriteFault(database, 'fulldisk', {
			begin: async (server) => (disk.fill(), server),
			end: async (server) => (disk.free(), server),
			allSendsFail: false
		});
	});
});

/** The data folder of the PostgreSQL server, when it runs on this machine (so a tablespace here is its). */
async function localPostgres(url: string): Promise<{ uid: number; gid: number } | null> {
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		const [row] = await admin<{ dir: string }[]>`select current_setting('data_directory') as dir`;
		const dir = row!.dir;
		if (!existsSync(join(dir, 'PG_VERSION'))) return null;
		const { uid, gid } = statSync(dir);
		return { uid, gid };
	} catch {
		return null;
	} finally {
		await admin.end();
	}
}

const postgresHere = probe && postgresUrl ? await localPostgres(postgresUrl) : null;

// Registered only where this fault can happen (on this database, where mounting is allowed), never skipped.
if (postgresHere) describe('a full disk under PostgreSQL (responses and receipts in a tablespace on a 4 MB tmpfs; only where mounting is allowed and PostgreSQL runs here)', () => {
	it('answers 503 in Dutch while the disk is full, and stores each respondent once when there is room again', async () => {
		const disk = mountSmallDisk(4, 'pg-disk')!;
		cleanups.push(() => disk.unmount());
		const location = join(disk.dir, 'tablespace');
		mkdirSync(location);
		chownSync(location, postgresHere!.uid, postgresHere!.gid);
		const tablespace = `leerkompas_fault_${process.pid}`;
		const database = await scratchDatabase('full-disk');
		// Dropped after the database that uses it (cleanups run last first).
		cleanups.push(async () => {
			const admin = postgres(postgresUrl!, { max: 1, onnotice: () => {} });
			await admin.unsafe(`drop tablespace if exists ${tablespace}`);
			await admin.end();
			rmSync(location, { recursive: true, force: true });
		});
		cleanups.push(() => database.drop());
		await sendThroughWriteFault(
			database,
			'pgfulldisk',
			{
				begin: async (server) => (disk.fill(), server),
				end: async (server) => (disk.free(), server),
				allSendsFail: false
			},
			// The server has migrated: move the two tables a send writes to onto the small disk.
			() =>
				runSql(database, [
					`create tablespace ${tablespace} location '${location}'`,
					`alter table scan_response set tablespace ${tablespace}`,
					`alter table submission_receipt set tablespace ${tablespace}`
				])
		);
	});
});
