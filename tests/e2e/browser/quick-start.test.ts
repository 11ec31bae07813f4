// The README's quick start, as a newcomer runs it: `npm start` with no ORIGIN and no other setting, then the
// printed address in a browser. Every other end-to-end test sets ORIGIN, so only this one sees what a newcomer
// sees. The port and the data folder are the only settings given, so that it runs beside a developer's own
// server; both are ones the README names, and neither changes how the origin is found.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser } from '../support/browser';
import { freePort } from '../../support/server';

let browser: Browser;
let server: ChildProcess;
let output = '';
let port: number;
const dataDir = mkdtempSync(join(tmpdir(), 'leerkompas-quick-start-'));
const email = 'eigenaar@voorbeeld.nl';
const password = 'een heel geheim wachtwoord';

function readmeEnvironment(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	// Only what a shell has; nothing of the test run's own Leerkompas settings.
	for (const name of ['PATH', 'HOME', 'LANG', 'TMPDIR']) if (process.env[name]) env[name] = process.env[name];
	return { ...env, PORT: String(port), LEERKOMPAS_DATA_DIR: dataDir };
}

async function printedSetupLink(): Promise<string> {
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		const link = /(http:\/\/\S+\/setup\/\S+)/.exec(output)?.[1];
		if (link) return link;
		if (server.exitCode !== null) throw new Error(`npm start stopped:\n${output}`);
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`npm start printed no setup link:\n${output}`);
}

async function signIn(page: Page, base: string) {
	await page.goto(`${base}/login`);
	await expectAccessible(page);
	await page.getByLabel('E-mailadres').first().fill(email);
	await page.getByLabel(/^Wachtwoord/).fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await page.waitForURL((url) => !url.pathname.startsWith('/login'));
	expect(new URL(page.url()).origin, 'the browser stays on the address it was given').toBe(base);
	await expect.poll(() => page.getByRole('button', { name: 'Uitloggen' }).isVisible()).toBe(true);
}

beforeAll(async () => {
	port = await freePort();
	server = spawn('npm', ['start'], { env: readmeEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	server.stdout?.on('data', (d) => (output += d));
	server.stderr?.on('data', (d) => (output += d));
	browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
	await browser?.close();
	if (server?.pid && server.exitCode === null) {
		process.kill(-server.pid, 'SIGTERM');
		await new Promise((r) => server.once('exit', r));
	}
	rmSync(dataDir, { recursive: true, force: true });
});

describe('the README quick start, without ORIGIN', () => {
	it('prints an address on this machine, and its setup form works in a browser', async () => {
		const link = await printedSetupLink();
		expect(link.startsWith(`http://localhost:${port}/setup/`)).toBe(true);
		const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
		await page.goto(link);
		await page.getByLabel('Uw naam').fill('Beheerder');
		await page.getByLabel('E-mailadres').fill(email);
		await page.getByLabel(/^Wachtwoord/).fill(password);
		await page.getByRole('button', { name: 'Beheerder maken' }).click();
		await page.waitForURL(`http://localhost:${port}/admin`);
		await expect.poll(() => page.getByRole('heading', { name: 'Beheer' }).isVisible()).toBe(true);
	}, 240_000);

	it('signs in at http://localhost:PORT', async () => {
		const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
		await signIn(page, `http://localhost:${port}`);
	});

	it('signs in at http://127.0.0.1:PORT', async () => {
		const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
		await signIn(page, `http://127.0.0.1:${port}`);
	});

	it('gives plain-HTTP cookies, which a browser keeps on http://', async () => {
		const context = await browser.newContext({ locale: 'nl-NL' });
		await signIn(await context.newPage(), `http://127.0.0.1:${port}`);
		const cookies = await context.cookies();
		expect(cookies.length).toBeGreaterThan(0);
		expect(cookies.every((c) => !c.secure)).toBe(true);
	});
});
