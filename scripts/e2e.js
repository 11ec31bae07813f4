// `npm test` second half: builds the app if needed, then runs the end-to-end tests against the real server.
// Browser tests need Debian's Chromium; without it they are left out with a clear notice, except in CI,
// where a missing browser is an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildIfStale } from './build-if-stale.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasBrowser = existsSync(chromium);
if (!hasBrowser) {
	const msg = `Chromium was not found at ${chromium}. The browser tests need it: apt-get install -y chromium (or set CHROMIUM_PATH).`;
	if (process.env.CI) {
		console.error(`ERROR: ${msg}`);
		process.exit(1);
	}
	console.warn(`\nNOTICE: ${msg}\nRunning only the HTTP end-to-end tests now.\n`);
}
await buildIfStale();
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts'], {
	stdio: 'inherit',
	env: { ...process.env, LEERKOMPAS_E2E_BROWSER: hasBrowser ? '1' : '0', CHROMIUM_PATH: chromium }
});
process.exit(result.status ?? 1);
