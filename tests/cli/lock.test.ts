import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cliEnv, embeddedTarget, hasStackTrace, repoRoot, runCli, type Target } from './helpers';

let holder: ChildProcess | undefined;
let target: Target | undefined;
afterEach(async () => {
	if (holder && holder.exitCode === null && holder.signalCode === null) {
		const exited = new Promise((resolve) => holder?.once('exit', resolve));
		holder.kill();
		await exited;
	}
	holder = undefined;
	await target?.remove();
});

/** A live process that holds the data-folder lock as the server would. */
async function holdLock(dataDir: string): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/cli/hold-lock.ts'), dataDir], {
		cwd: repoRoot,
		env: cliEnv({}),
		stdio: ['ignore', 'pipe', 'pipe']
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		let err = '';
		child.stdout?.on('data', (c: Buffer) => {
			out += c.toString();
			if (out.includes('locked')) resolve();
		});
		child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
		child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}: ${err}`)));
	});
	return child;
}

describe('the embedded database while the server runs', () => {
	it('refuses with a plain message, touches nothing, and works again once the server is gone', async () => {
		target = await embeddedTarget();
		holder = await holdLock(target.dataDir);

		for (const args of [['org', 'create', '--name', 'Bakkerij'], ['create-admin'], ['backup', join(target.dataDir, 'b.json.gz')]]) {
			const r = await runCli(args, target.env);
			expect(r.code, args.join(' ')).toBe(1);
			expect(r.stdout).toBe('');
			expect(r.stderr).toContain(`De ingebouwde database in ${target.dataDir} is in gebruik door de Leerkompas-server (proces ${holder.pid}).`);
			expect(r.stderr).toContain('Stop de server eerst');
			expect(hasStackTrace(r.stderr)).toBe(false);
		}
		expect(existsSync(join(target.dataDir, 'pglite'))).toBe(false);
		expect(existsSync(join(target.dataDir, 'b.json.gz'))).toBe(false);

		// Killed, the holder leaves its lock file behind; the CLI sees that its process is gone.
		const exited = new Promise((resolve) => holder?.once('exit', resolve));
		holder.kill('SIGKILL');
		await exited;
		expect(existsSync(join(target.dataDir, 'leerkompas.lock'))).toBe(true);
		const after = await runCli(['org', 'create', '--name', 'Bakkerij'], target.env);
		expect(after).toMatchObject({ code: 0, stdout: 'bakkerij\n' });
		expect(existsSync(join(target.dataDir, 'leerkompas.lock'))).toBe(false);
	}, 120_000);
});
