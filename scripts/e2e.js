// `npm test` second half: builds the app if needed, then runs the end-to-end tests against the real server.
// Browser tests need Debian's Chromium; without it they are left out with a clear notice, except in CI,
// where a missing browser is an error.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { buildIfStale } from './build-if-stale.js';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// .ci/run leaves the browser tests out of its second database's run (LEERKOMPAS_E2E_BROWSER=0): what a person
// sees does not depend on the database under the server, which the HTTP and privacy tests exercise on both.
const browserOff = process.env.LEERKOMPAS_E2E_BROWSER === '0';
const hasBrowser = !browserOff && existsSync(chromium);
if (browserOff) console.log('Browser tests left out in this run (LEERKOMPAS_E2E_BROWSER=0); the HTTP and privacy end-to-end tests run.');
else if (!hasBrowser) {
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
