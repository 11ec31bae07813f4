// A server of its own for one test file, started on a database that the test filled beforehand (rounds,
// cards, a signed-up owner), so that a test can look in that database afterwards and check exactly what
// was stored. PGlite allows one process at a time: on PGlite the database opens once the server stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseTarget } from '../../../src/lib/server/db/client';

export interface SeededServer<T> {
	baseUrl: string;
	seeded: T;
	/** Runs `fn` on the server's database. On PGlite this stops the server first. */
	inspect<R>(fn: (db: Database) => Promise<R>): Promise<R>;
	close(): Promise<void>;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.listen(0, '127.0.0.1', () => {
			const address = srv.address();
			srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

async function reachable(url: string): Promise<boolean> {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}

async function withDatabase<R>(target: DatabaseTarget, fn: (db: Database) => Promise<R>): Promise<R> {
	const handle = await openDatabase(target);
	try {
		return await fn(handle.db);
	} finally {
		await handle.close();
	}
}

export async function startSeededServer<T>(seed: (db: Database) => Promise<T>, extraEnv: NodeJS.ProcessEnv = {}): Promise<SeededServer<T>> {
	const dataDir = mkdtempSync(join(tmpdir(), 'leerkompas-seeded-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseUrl, LEERKOMPAS_DATA_DIR: dataDir, ...extraEnv };
	delete env.SMTP_URL;
	delete env.DATABASE_URL;

	let target: DatabaseTarget = { kind: 'pglite', dataDir };
	let dropDatabase = async () => {};
	if (process.env.TEST_DATABASE_URL) {
		const name = `leerkompas_seeded_${randomBytes(5).toString('hex')}`;
		const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = `/${name}`;
		target = { kind: 'postgres', url: url.toString() };
		env.DATABASE_URL = url.toString();
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	}
	const seeded = await withDatabase(target, seed);

	let server: ChildProcess | null = spawn(process.execPath, ['build/index.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	// Should the test process end without close(), the server must not outlive it.
	const orphanGuard = () => server?.kill('SIGTERM');
	process.once('exit', orphanGuard);
	let output = '';
	server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	const deadline = Date.now() + 60_000;
	while (!(await reachable(baseUrl))) {
		if (server.exitCode !== null || Date.now() > deadline) throw new Error(`The seeded server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}

	async function stop() {
		const running = server;
		server = null;
		if (!running) return;
		if (running.exitCode !== null) {
			// It stopped on its own: whatever it said is the best clue for the failing test.
			console.error(`The seeded server exited early (code ${running.exitCode}):\n${output}`);
			return;
		}
		const exited = new Promise((r) => running.once('exit', r));
		running.kill('SIGTERM');
		await exited;
		if (process.env.LEERKOMPAS_E2E_LOG) console.log(output);
	}

	return {
		baseUrl,
		seeded,
		async inspect(fn) {
			if (target.kind === 'pglite') await stop();
			return withDatabase(target, fn);
		},
		async close() {
			process.off('exit', orphanGuard);
			await stop();
			await dropDatabase();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}
