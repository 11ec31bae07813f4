import { defineConfig } from 'vitest/config';

// Fault tests: the built server as a child process, killed and restarted (see tests/faults/). They need
// build/ (node scripts/build-if-stale.js) and run one file at a time; they assert integrity, never time.
export default defineConfig({
	test: {
		include: ['tests/faults/**/*.test.ts'],
		fileParallelism: false,
		testTimeout: 240_000,
		hookTimeout: 120_000
	}
});
