// A server of its own for one test file, started on a database that the test filled beforehand (rounds,
// cards, a signed-up owner), so that a test can look in that database afterwards and check exactly what
// was stored. PGlite allows one process at a time: on PGlite the database opens once the server stopped.
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../../../src/lib/server/db/client';
import { copyPgliteTemplate } from '../../helpers/database-template';
import { scratchDatabase, startServer, withDatabase, type RunningServer } from '../../support/server';
import { HttpSession } from './http-client';

export interface SeededServer<T> {
	baseUrl: string;
	/** The server's data folder (its outbox is there, for `mailsTo(address, dataDir)`). */
	dataDir: string;
	seeded: T;
	/** Runs `fn` on the server's database. On PGlite this stops the server first. */
	inspect<R>(fn: (db: Database) => Promise<R>): Promise<R>;
	close(): Promise<void>;
}

export async function startSeededServer<T>(seed: (db: Database) => Promise<T>, extraEnv: NodeJS.ProcessEnv = {}): Promise<SeededServer<T>> {
	const database = await scratchDatabase('seeded');
	// A copy of the migrated template instead of initdb and every migration (many seconds per file on PGlite);
	// the newcomer test still starts a server on nothing at all.
	if (database.target.kind === 'pglite') await copyPgliteTemplate(database.env.LEERKOMPAS_DATA_DIR!);
	const seeded = await withDatabase(database.target, seed);
	let server: RunningServer | null = await startServer(database, undefined, extraEnv);
	// Should the test process end without close(), the server must not outlive it.
	const orphanGuard = () => server?.process.kill('SIGTERM');
	process.once('exit', orphanGuard);

	async function stop() {
		const running = server;
		server = null;
		if (!running) return;
		if (running.process.exitCode !== null) {
			// It stopped on its own: whatever it said is the best clue for the failing test.
			console.error(`The seeded server exited early (code ${running.process.exitCode}):\n${running.output()}`);
			return;
		}
		await running.kill('SIGTERM');
		if (process.env.LEERKOMPAS_E2E_LOG) console.log(running.output());
	}

	return {
		baseUrl: server.baseUrl,
		dataDir: database.env.LEERKOMPAS_DATA_DIR ?? '',
		seeded,
		async inspect(fn) {
			if (database.target.kind === 'pglite') await stop();
			return withDatabase(database.target, fn);
		},
		async close() {
			process.off('exit', orphanGuard);
			await stop();
			await database.drop();
		}
	};
}

export interface UsedSeededServer<T extends object> {
	readonly baseUrl: string;
	readonly dataDir: string;
	/**
	 * The seed's values. Its properties are read through to the running server's, so a file can name it once at
	 * the top (`const s = server.seeded`) although the seed only runs in `beforeAll`.
	 */
	readonly seeded: T;
	/** Runs `fn` on the server's database. On PGlite this stops the server first. */
	inspect<R>(fn: (db: Database) => Promise<R>): Promise<R>;
	/** A new visitor on this server, with no cookies yet. */
	session(): HttpSession;
	/** A new session signed in through the password form (all from one address: mind the sign-in limit per address). */
	signIn(email: string, password: string): Promise<HttpSession>;
}

/**
 * This file's own seeded server: started in a `beforeAll` and stopped, with its database dropped, in an
 * `afterAll`, so that it is cleaned up also when a test fails. Call it at the top of a test file, before the
 * file's own hooks: those run after the server started, and their `afterAll` before it stops.
 */
export function useSeededServer<T extends object>(seed: (db: Database) => Promise<T>, extraEnv: NodeJS.ProcessEnv = {}): UsedSeededServer<T> {
	let server: SeededServer<T> | undefined;
	beforeAll(async () => {
		server = await startSeededServer(seed, extraEnv);
	});
	afterAll(async () => {
		await server?.close();
	});

	function running(): SeededServer<T> {
		if (!server) throw new Error('The seeded server is not running: read it in a test or a hook, not while the file loads.');
		return server;
	}
	const seeded = new Proxy({} as T, {
		get: (_, key) => Reflect.get(running().seeded, key),
		has: (_, key) => Reflect.has(running().seeded, key),
		ownKeys: () => Reflect.ownKeys(running().seeded),
		getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(running().seeded, key)
	});
	return {
		get baseUrl() {
			return running().baseUrl;
		},
		get dataDir() {
			return running().dataDir;
		},
		seeded,
		inspect: (fn) => running().inspect(fn),
		session: () => new HttpSession(running().baseUrl),
		async signIn(email, password) {
			const session = new HttpSession(running().baseUrl);
			const res = await session.post('/login?/password', { email, password, returnTo: '/firms' });
			if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
			return session;
		}
	};
}
