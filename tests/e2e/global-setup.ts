// Starts the built Leerkompas server once for all end-to-end tests: a fresh embedded database in a temp
// folder, or a fresh PostgreSQL database when TEST_DATABASE_URL is set. Mail goes to the outbox folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		dataDir: string;
		setupLink: string;
	}
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

export default async function setup(project: TestProject) {
	const dataDir = mkdtempSync(join(tmpdir(), 'leerkompas-e2e-'));
	const port = await freePort();
	const baseUrl = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: baseUrl, LEERKOMPAS_DATA_DIR: dataDir, LEERKOMPAS_SIGNUPS_PER_HOUR: '10000', BODY_SIZE_LIMIT: '3M' };
	delete env.SMTP_URL;
	let dropDatabase: (() => Promise<void>) | undefined;
	if (process.env.TEST_DATABASE_URL) {
		const name = `leerkompas_e2e_${randomBytes(5).toString('hex')}`;
		const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		const url = new URL(process.env.TEST_DATABASE_URL);
		url.pathname = `/${name}`;
		env.DATABASE_URL = url.toString();
		dropDatabase = async () => {
			await admin.unsafe(`drop database if exists ${name} with (force)`);
			await admin.end();
		};
	} else delete env.DATABASE_URL;

	const server: ChildProcess = spawn(process.execPath, ['build/index.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
	server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
	const deadline = Date.now() + 60_000;
	while (!/\/setup\/\S+/.test(output) || !(await reachable(baseUrl))) {
		if (server.exitCode !== null || Date.now() > deadline) throw new Error(`The server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	const setupLink = output.match(/https?:\/\/\S+\/setup\/\S+/)![0];
	project.provide('baseUrl', baseUrl);
	project.provide('dataDir', dataDir);
	project.provide('setupLink', setupLink);

	return async () => {
		server.kill('SIGTERM');
		await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
		await dropDatabase?.();
		rmSync(dataDir, { recursive: true, force: true });
		if (process.env.LEERKOMPAS_E2E_LOG) console.log(output);
	};
}

async function reachable(url: string) {
	try {
		await fetch(url);
		return true;
	} catch {
		return false;
	}
}
