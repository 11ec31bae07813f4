import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['cookie', 'preferredLanguage', 'baseLocale']
		}),
		sveltekit()
	],
	build: {
		rollupOptions: {
			onwarn(warning, warn) {
				// better-auth's bundles import helpers they do not use; that is theirs to tidy, not a fault here.
				if (warning.code === 'UNUSED_EXTERNAL_IMPORT' && /never used in "node_modules\//.test(warning.message)) return;
				warn(warning);
			}
		}
	},
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'tests/faults/**', 'tests/privacy/**', 'node_modules/**'],
		environment: 'node',
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// One test process for all files (measured: half the CPU time of a new process per file). Safe because
		// the tests keep no state between files: databases come from tests/helpers/database.ts, and the
		// in-process CLI puts the language back. Files run one by one, which keeps memory steady.
		isolate: false,
		fileParallelism: false
	}
});
