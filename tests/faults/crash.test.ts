// Crash: many respondents send complete answers at once, the server is killed with SIGKILL in the middle and
// started again on the same data. Every respondent who saw the thank-you page must be stored exactly once,
// a respondent whose request died sends again (the same form, the same key) and is stored once too, and the
// database opens cleanly. On PGlite by default, on PostgreSQL when TEST_DATABASE_URL is set.
//
// Each respondent's first open answer carries a marker of its own, so the check is per respondent, not
// only a count. Size with LEERKOMPAS_CRASH_RESPONDENTS (default 300) and LEERKOMPAS_CRASH_CONCURRENCY (64).
import { afterAll, describe, expect, it } from 'vitest';
import {
	countedAfterClosing,
	ownerWithRounds,
	Respondent,
	runRespondents,
	scratchDatabase,
	snapshotBuild,
	startServer,
	storedOnDisk,
	type RunningServer,
	type ScratchDatabase, ONE_ADDRESS_FOR_ALL } from './support';

const RESPONDENTS = Number(process.env.LEERKOMPAS_CRASH_RESPONDENTS ?? 300);
const CONCURRENCY = Number(process.env.LEERKOMPAS_CRASH_CONCURRENCY ?? 64);
// A round's link takes 30,000 posts per ten minutes by default (ten per respondent): spreading keeps a long run
// of a few thousand respondents clear of that guard, and puts several rounds in flight at the kill.
const PER_ROUND = 120;

let database: ScratchDatabase | undefined;
let server: RunningServer | undefined;
let build: ReturnType<typeof snapshotBuild> | undefined;

afterAll(async () => {
	await server?.kill('SIGKILL');
	await database?.drop();
	build?.remove();
});

describe(`a server killed in the middle of ${RESPONDENTS} submissions`, () => {
	it('keeps every thanked submission exactly once, takes the resends once, and opens cleanly', async () => {
		build = snapshotBuild();
		database = await scratchDatabase('crash');
		server = await startServer(database, undefined, ONE_ADDRESS_FOR_ALL, build.dir);
		const port = Number(new URL(server.baseUrl).port);
		const { owner, slug, rounds } = await ownerWithRounds(server.baseUrl, Math.ceil(RESPONDENTS / PER_ROUND), undefined, database.env.LEERKOMPAS_DATA_DIR);
		const respondents = Array.from(
			{ length: RESPONDENTS },
			(_, i) => new Respondent(server!.baseUrl, rounds[i % rounds.length]!.survey, `crash-marker-${i}-end`, i)
		);

		// Kill once about half have been thanked, while the others are in every stage of answering.
		const killAt = Math.floor(RESPONDENTS / 2);
		let killed = false;
		const thankedCount = () => respondents.filter((r) => r.state === 'thanked').length;
		const killer = (async () => {
			while (thankedCount() < killAt && respondents.some((r) => r.state !== 'thanked' && r.state !== 'refused')) {
				await new Promise((r) => setTimeout(r, 5));
			}
			killed = true;
			await server!.kill('SIGKILL');
		})();
		await runRespondents(respondents, CONCURRENCY, () => killed);
		await killer;

		const thankedBeforeCrash = respondents.filter((r) => r.state === 'thanked');
		const interrupted = respondents.filter((r) => r.state === 'answering' || r.state === 'sending');
		console.log(`killed after ${thankedBeforeCrash.length} thanked, ${interrupted.length} in the middle of answering or sending`);
		expect(respondents.filter((r) => r.state === 'refused').map((r) => r.lastStatus)).toEqual([]);
		expect(thankedBeforeCrash.length).toBeGreaterThanOrEqual(killAt);
		expect(thankedBeforeCrash.length).toBeLessThan(RESPONDENTS);

		// The data as the kill left it opens, and holds every respondent thanked so far, once.
		const afterKill = (await storedOnDisk(database, rounds.map((r) => r.id))).markers;
		for (const r of thankedBeforeCrash) expect(afterKill.get(r.marker), r.marker).toBe(1);
		expect([...afterKill.values()].filter((n) => n !== 1)).toEqual([]);
		// A response is only ever stored from a send: whoever was still on the screens has nothing stored.
		const sending = new Set(interrupted.filter((r) => r.state === 'sending').map((r) => r.marker));
		const thankedMarkers = new Set(thankedBeforeCrash.map((r) => r.marker));
		expect([...afterKill.keys()].filter((marker) => !thankedMarkers.has(marker) && !sending.has(marker))).toEqual([]);

		// The same data, the same port (the respondents' pages point there); the stale lock must not block.
		server = await startServer(database, port, ONE_ADDRESS_FOR_ALL, build.dir);
		// Those whose request died try again, the rest start now.
		await runRespondents(respondents.filter((r) => r.state !== 'thanked'), CONCURRENCY);
		expect(respondents.filter((r) => r.state !== 'thanked').map((r) => `${r.marker}: ${r.state} ${r.lastStatus} ${r.lastError}`)).toEqual([]);

		// Everyone has answered: the owner closes the rounds, and the archive counts them too.
		expect(await countedAfterClosing(owner, slug, rounds)).toBe(RESPONDENTS);

		await server.kill('SIGTERM');
		server = undefined;
		const stored = await storedOnDisk(database, rounds.map((r) => r.id));
		// every thanked respondent (before and after the crash) once, nobody twice, nothing else
		expect(stored.responses).toBe(RESPONDENTS);
		expect([...stored.markers].filter(([, n]) => n !== 1)).toEqual([]);
		for (const r of respondents) expect(stored.markers.get(r.marker), r.marker).toBe(1);
		// a receipt per response, committed together; no draft left behind by a sent response
		expect(stored.receipts).toBe(RESPONDENTS);
		expect(stored.draftsWithMarker).toEqual([]);
	});
});
