// Builds the app when build/ is missing or older than any source, so `npm start` and `npm test` work on a
// fresh clone in one step and skip the build when nothing changed.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const SOURCES = ['src', 'messages', 'content', 'docs', 'drizzle', 'static', 'project.inlang', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
const STAMP = join('build', '.built-at');

/** @param {string} path */
function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = 0;
	for (const entry of readdirSync(path)) {
		if (entry === 'paraglide' || entry === 'node_modules') continue; // generated during the build itself
		newest = Math.max(newest, newestMtime(join(path, entry)));
	}
	return newest;
}

/**
 * Lines of the build that say nothing to someone starting Leerkompas:
 * - the size of every file written (hundreds of lines);
 * - "Run npm run preview": SvelteKit's hint for a script this project does not have (`npm start` serves);
 * - upstream notes on dependencies: kysely's circular imports, and "@opentelemetry/api could not be resolved"
 *   from adapter-node's bundling of better-auth, which loads that optional package only when it is installed.
 * @param {string} line
 */
export function isBuildNoise(line) {
	const text = plain(line).trim();
	return (
		text === '' ||
		/\d[\d.,]*\s*kB\b/.test(text) ||
		text.startsWith('Circular dependency') ||
		/npm run preview/.test(text) ||
		/(is|are) imported from external module .* but never used in "node_modules\//.test(text) ||
		/"@opentelemetry\/api" is imported by .* but could not be resolved/.test(text)
	);
}

// Colour codes are left out: the lines are indented under our own heading, and logs keep them readable.
// eslint-disable-next-line no-control-regex
const plain = (/** @type {string} */ line) => line.replace(/\x1b\[[0-9;]*m/g, '');

export function isStale() {
	const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
	const newest = Math.max(...SOURCES.map(newestMtime));
	return !(built > newest && existsSync(join('build', 'index.js')));
}

/** Builds when needed, showing vite's progress lines as they come; resolves when build/ is current. */
export async function buildIfStale() {
	if (!isStale()) return;
	const first = !existsSync(join('build', 'index.js'));
	console.log(first ? 'Building Leerkompas (the first start takes about a minute)…' : 'Building Leerkompas (the sources changed)…');
	const child = spawn('npx', ['vite', 'build'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
	const show = (/** @type {import('node:stream').Readable} */ stream) => createInterface({ input: stream }).on('line', (line) => !isBuildNoise(line) && console.log(`  ${plain(line).trim()}`));
	show(child.stdout);
	show(child.stderr);
	const code = await new Promise((resolve) => child.on('close', resolve));
	if (code !== 0) throw new Error('The build failed; see the messages above.');
	writeFileSync(STAMP, new Date().toISOString());
	console.log('Build done.');
}

if (import.meta.url === `file://${process.argv[1]}`) await buildIfStale();
