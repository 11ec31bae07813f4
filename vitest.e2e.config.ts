import { defineConfig } from 'vitest/config';

// End-to-end tests run against the built server (see tests/e2e/global-setup.ts), one file at a time.
const withBrowser = process.env.LEERKOMPAS_E2E_BROWSER !== '0';

export default defineConfig({
	test: {
		// tests/privacy/: attacks on the anonymity promise, performed over HTTP against the built server.
		include: withBrowser ? ['tests/e2e/**/*.test.ts', 'tests/privacy/**/*.test.ts'] : ['tests/e2e/http/**/*.test.ts', 'tests/privacy/**/*.test.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		setupFiles: ['tests/e2e/support/no-keep-alive.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000
	}
});
