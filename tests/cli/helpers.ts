// Runs the real `bin/leerkompas.js` as a child process, against a fresh database per test:
// an embedded one in a temporary data folder, or a new PostgreSQL database when TEST_DATABASE_URL is set.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binary = join(repoRoot, 'bin', 'leerkompas.js');
export const targetKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Environment for the child: nothing inherited that could point it at a real database or mail server. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	return {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		DATABASE_URL: '',
		SMTP_URL: '',
		ORIGIN: '',
		...extra
	};
}

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
	return new Promise((resolvePromise, reject) => {
		execFile(process.execPath, [binary, ...args], { cwd: repoRoot, env: cliEnv(env), timeout: 120_000 }, (error, stdout, stderr) => {
			if (error && typeof error.code !== 'number') {
				reject(error);
				return;
			}
			resolvePromise({ code: error ? Number(error.code) : 0, stdout, stderr });
		});
	});
}

export async function tempDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
	const path = await mkdtemp(join(tmpdir(), prefix));
	return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface Target {
	kind: 'pglite' | 'postgres';
	/** What the CLI needs in its environment to use this database. */
	env: Record<string, string>;
	dataDir: string;
	/** Opens the database from the test; close it before running the CLI on an embedded one again. */
	open(): Promise<DatabaseHandle>;
	remove(): Promise<void>;
}

export async function embeddedTarget(): Promise<Target> {
	const dir = await tempDir('leerkompas-cli-');
	return {
		kind: 'pglite',
		env: { LEERKOMPAS_DATA_DIR: dir.path },
		dataDir: dir.path,
		open: () => openDatabase({ kind: 'pglite', dataDir: dir.path }),
		remove: dir.remove
	};
}

/** PostgreSQL when TEST_DATABASE_URL is set, else the embedded database, as the repository tests do. */
export async function testTarget(): Promise<Target> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) return embeddedTarget();
	const dir = await tempDir('leerkompas-cli-');
	const name = `leerkompas_cli_${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	const dbUrl = new URL(url);
	dbUrl.pathname = `/${name}`;
	return {
		kind: 'postgres',
		env: { LEERKOMPAS_DATA_DIR: dir.path, DATABASE_URL: dbUrl.toString() },
		dataDir: dir.path,
		open: () => openDatabase({ kind: 'postgres', url: dbUrl.toString() }),
		async remove() {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
			await dir.remove();
		}
	};
}

/** A stack trace in user-facing output would mean an error escaped the CLI's own handling. */
export function hasStackTrace(text: string): boolean {
	return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}
