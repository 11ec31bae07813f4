// Runs the CLI against a fresh database per test: an embedded one in a temporary data folder, or a new
// PostgreSQL database when TEST_DATABASE_URL is set. `runCli` starts the real `bin/leerkompas.js` as a child
// process; `runCliInProcess` calls the same `main` inside the test, which is what most tests need (a child
// costs seconds of CPU to load the TypeScript). A few tests keep the child, so the real entry stays covered.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/client';
import { createTestPostgres } from '../helpers/database';
import { copyPgliteTemplate } from '../helpers/database-template';

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

/**
 * The CLI's `main` with the same arguments and environment as `runCli`, its output captured. Exit code,
 * stdout and stderr are what the binary gives: the binary only passes `main`'s result on as its exit code.
 */
export async function runCliInProcess(args: string[], env: Record<string, string>): Promise<CliResult> {
	const { main } = await import('../../src/cli/main');
	const runtime = await import('../../src/lib/paraglide/runtime.js');
	let stdout = '';
	let stderr = '';
	const io = { stdout: (line: string) => (stdout += `${line}\n`), stderr: (line: string) => (stderr += `${line}\n`) };
	// main sets the language for its own run; the test files that run after it in this process keep theirs.
	const getLocale = runtime.getLocale;
	try {
		const code = await main(args, io, cliEnv(env));
		return { code, stdout, stderr };
	} finally {
		runtime.overwriteGetLocale(getLocale);
	}
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

/**
 * An embedded database in a new data folder. `migrated`: the folder holds a copy of a migrated database, as the
 * app leaves it after its first start; without it the folder is empty and the first command creates the database.
 */
export async function embeddedTarget(options: { migrated?: boolean } = {}): Promise<Target> {
	const dir = await tempDir('leerkompas-cli-');
	if (options.migrated) await copyPgliteTemplate(dir.path);
	return {
		kind: 'pglite',
		env: { LEERKOMPAS_DATA_DIR: dir.path },
		dataDir: dir.path,
		open: () => openDatabase({ kind: 'pglite', dataDir: dir.path }),
		remove: dir.remove
	};
}

/**
 * PostgreSQL when TEST_DATABASE_URL is set, else the embedded database, as the repository tests do; either
 * is empty and migrated (the embedded one's first start is `embeddedTarget()`'s to test).
 */
export async function testTarget(): Promise<Target> {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) return embeddedTarget({ migrated: true });
	const dir = await tempDir('leerkompas-cli-');
	const database = await createTestPostgres(url, 'leerkompas_cli_');
	return {
		kind: 'postgres',
		env: { LEERKOMPAS_DATA_DIR: dir.path, DATABASE_URL: database.url },
		dataDir: dir.path,
		open: () => openDatabase({ kind: 'postgres', url: database.url }),
		async remove() {
			await database.drop();
			await dir.remove();
		}
	};
}

/** A stack trace in user-facing output would mean an error escaped the CLI's own handling. */
export function hasStackTrace(text: string): boolean {
	return /^\s+at .+\(.+:\d+:\d+\)$/m.test(text) || /^\s+at .+:\d+:\d+$/m.test(text);
}
