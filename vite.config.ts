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
	test: {
		include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
		exclude: ['tests/e2e/**', 'tests/faults/**', 'tests/privacy/**', 'node_modules/**'],
		environment: 'node',
		globalSetup: ['tests/helpers/global-setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Repository tests open their own PGlite per file; running files one by one keeps memory steady.
		fileParallelism: false
	}
});
