// PGlite has no lock of its own: two processes on one data folder corrupt it. The server holds this lock
// while it runs; the CLI takes it too, so it refuses to touch the folder while the server is up.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirBusyError extends Error {
	constructor(
		readonly holderPid: number,
		readonly holder: string
	) {
		super(`The data folder is in use by ${holder} (process ${holderPid}).`);
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function acquireDataDirLock(dataDir: string, holder: 'server' | 'cli'): () => void {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, 'leerkompas.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			writeFileSync(file, JSON.stringify({ pid: process.pid, holder }), { flag: 'wx' });
			let released = false;
			const release = () => {
				if (released) return;
				released = true;
				rmSync(file, { force: true });
			};
			process.once('exit', release);
			return release;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const current = readLock(file);
			if (current && current.pid !== process.pid && isAlive(current.pid)) {
				throw new DataDirBusyError(current.pid, current.holder);
			}
			rmSync(file, { force: true }); // left behind by a process that died
		}
	}
	throw new Error(`Could not take the lock ${file}`);
}

function readLock(file: string): { pid: number; holder: string } | null {
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; holder?: unknown };
		return typeof parsed.pid === 'number' ? { pid: parsed.pid, holder: String(parsed.holder) } : null;
	} catch {
		return null;
	}
}
