// What `npm start` prints while it builds: vite's progress, not hundreds of file sizes or upstream notes
// that a newcomer cannot act on (and "npm run preview", a script this project does not have).
import { describe, expect, it } from 'vitest';
import { isBuildNoise } from '../../scripts/build-if-stale.js';

describe('the build output of npm start', () => {
	it('keeps the progress lines and drops the noise', () => {
		const progress = ['vite v7.3.8 building ssr environment for production...', 'transforming...', '✓ 1362 modules transformed.', 'rendering chunks...', '✓ built in 49.58s', '> Using @sveltejs/adapter-node'];
		const noise = [
			'.svelte-kit/output/server/chunks/report.js        27.41 kB',
			'Run npm run preview to preview your production build locally.',
			'"@opentelemetry/api" is imported by "node_modules/@better-auth/core/dist/instrumentation/api.mjs", but could not be resolved – treating it as an external dependency.',
			'"NO_STORE_HEADERS" and "optionsMiddleware" are imported from external module "@better-auth/core/api" but never used in "node_modules/better-auth/dist/api/index.mjs".',
			'"getTelemetryAuthConfig" is imported from external module "@better-auth/telemetry" but never used in "node_modules/better-auth/dist/index.mjs".',
			'Circular dependency: node_modules/kysely/dist/esm/parser/table-parser.js -> node_modules/kysely/dist/esm/dynamic/dynamic-table-builder.js'
		];
		for (const line of progress) expect(isBuildNoise(line), line).toBe(false);
		for (const line of noise) expect(isBuildNoise(line), line).toBe(true);
		// a warning about our own code is never noise
		expect(isBuildNoise('src/routes/firms/[slug]/data/+page.svelte:34:2 noninteractive element cannot have nonnegative tabIndex value')).toBe(false);
	});
});
