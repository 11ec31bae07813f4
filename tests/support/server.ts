// The built server as a child process on a database of its own (a temp folder for PGlite, or a fresh PostgreSQL
// database from TEST_DATABASE_URL): what the end-to-end tests, the fault tests and the benchmarks all start from.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database, type DatabaseTarget } from '../../src/lib/server/db/client';

export async function freePort(): Promise<number> {
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

/** A database that lives only as long as the test or benchmark: removed by `drop()`. */
export interface ScratchDatabase {
	target: DatabaseTarget;
	/** Environment for the server: LEERKOMPAS_DATA_DIR, and DATABASE_URL on PostgreSQL. */
	env: NodeJS.ProcessEnv;
	drop(): Promise<void>;
}

/** `parent`: where the data folder goes (the embedded database lives there), e.g. a small file system. */
export async function scratchDatabase(label: string, postgresUrl = process.env.TEST_DATABASE_URL, parent = tmpdir()): Promise<ScratchDatabase> {
	const dataDir = mkdtempSync(join(parent, `leerkompas-${label}-`));
	if (!postgresUrl) {
		return {
			target: { kind: 'pglite', dataDir },
			env: { LEERKOMPAS_DATA_DIR: dataDir },
			drop: async () => rmSync(dataDir, { recursive: true, force: true })
		};
	}
	const name = `leerkompas_${label.replace(/\W/g, '_')}_${randomBytes(5).toString('hex')}`;
	const admin = postgres(postgresUrl, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const url = new URL(postgresUrl);
	url.pathname = `/${name}`;
	return {
		target: { kind: 'postgres', url: url.toString() },
		env: { LEERKOMPAS_DATA_DIR: dataDir, DATABASE_URL: url.toString() },
		async drop() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

export interface RunningServer {
	baseUrl: string;
	process: ChildProcess;
	output(): string;
	/** Peak resident memory of the server process so far, in bytes (VmHWM), or null when unknown. */
	peakMemory(): number | null;
	kill(signal: NodeJS.Signals): Promise<void>;
}

export function requireBuild() {
	if (!existsSync(join('build', 'index.js'))) {
		throw new Error('build/index.js is missing: run `node scripts/build-if-stale.js` (or `npx vite build`) first.');
	}
}

/**
 * A copy of build/ for one test or benchmark, so that a rebuild in the same checkout while it runs (another
 * test run, a developer) cannot swap the server's files under it. It lives in tmp/ inside the checkout, so
 * the server still finds node_modules, drizzle/ and content/ as from build/.
 */
export function snapshotBuild(): { dir: string; remove(): void } {
	requireBuild();
	mkdirSync('tmp', { recursive: true });
	const dir = mkdtempSync(join('tmp', 'build-snapshot-'));
	cpSync('build', dir, { recursive: true });
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts the built server as a child process and returns at once, before it listens (it may be migrating, or
 * about to fail). `startServer` is the one to use when it should simply come up.
 */
export async function launchServer(database: ScratchDatabase, port?: number, extraEnv: NodeJS.ProcessEnv = {}, buildDir = 'build'): Promise<RunningServer> {
	if (buildDir === 'build') requireBuild();
	const chosen = port ?? (await freePort());
	const baseUrl = `http://127.0.0.1:${chosen}`;
	const env: NodeJS.ProcessEnv = {
		...process.env,
		PORT: String(chosen),
		HOST: '127.0.0.1',
		ORIGIN: baseUrl,
		LEERKOMPAS_SIGNUPS_PER_HOUR: '10000',
		...database.env,
		...extraEnv
	};
	delete env.SMTP_URL;
	// A scratch PGlite must not pick up a DATABASE_URL from the shell; a test may still give one on purpose.
	if (!database.env.DATABASE_URL && !extraEnv.DATABASE_URL) delete env.DATABASE_URL;
	const child = spawn(process.execPath, [join(buildDir, 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	return {
		baseUrl,
		process: child,
		output: () => output,
		peakMemory() {
			try {
				const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
				const kb = status.match(/VmHWM:\s+(\d+) kB/)?.[1];
				return kb ? Number(kb) * 1024 : null;
			} catch {
				return null;
			}
		},
		async kill(signal) {
			if (child.exitCode !== null || child.signalCode !== null) return;
			const exited = new Promise((r) => child.once('exit', r));
			child.kill(signal);
			await exited;
		}
	};
}

export async function startServer(database: ScratchDatabase, port?: number, extraEnv: NodeJS.ProcessEnv = {}, buildDir = 'build'): Promise<RunningServer> {
	const server = await launchServer(database, port, extraEnv, buildDir);
	const deadline = Date.now() + 60_000;
	while (!(await reachable(server.baseUrl))) {
		if (server.process.exitCode !== null || Date.now() > deadline) {
			await server.kill('SIGKILL');
			throw new Error(`The server did not start:\n${server.output()}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return server;
}

/**
 * Starts the server where it is expected not to start, and waits for it to exit: the exit code and everything
 * it printed. Fails when it is still running after `timeoutMs` (it then listens, which it should not).
 */
export async function runServerToExit(
	database: ScratchDatabase,
	extraEnv: NodeJS.ProcessEnv = {},
	buildDir = 'build',
	timeoutMs = 60_000
): Promise<{ code: number | null; output: string }> {
	const server = await launchServer(database, undefined, extraEnv, buildDir);
	const exited = new Promise<void>((resolve) => server.process.once('exit', () => resolve()));
	const timer = setTimeout(() => server.process.kill('SIGKILL'), timeoutMs);
	await exited;
	clearTimeout(timer);
	if (server.process.signalCode === 'SIGKILL') throw new Error(`The server was still running after ${timeoutMs} ms, where it should have stopped:\n${server.output()}`);
	return { code: server.process.exitCode, output: server.output() };
}

/** Runs `fn` on a database and closes it again (on PGlite, only while no server holds the folder). */
export async function withDatabase<R>(target: DatabaseTarget, fn: (db: Database) => Promise<R>): Promise<R> {
	const handle = await openDatabase(target);
	try {
		return await fn(handle.db);
	} finally {
		await handle.close();
	}
}
