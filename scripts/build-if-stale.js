// Builds the app when build/ is missing or older than any source, so `npm start` and `npm test` work on a
// fresh clone in one step and skip the build when nothing changed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src', 'messages', 'content', 'drizzle', 'static', 'project.inlang', 'svelte.config.js', 'vite.config.ts', 'package.json', 'package-lock.json'];
const STAMP = join('build', '.built-at');

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

export function buildIfStale() {
	const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : 0;
	const newest = Math.max(...SOURCES.map(newestMtime));
	if (built > newest && existsSync(join('build', 'index.js'))) return;
	console.log('Building Leerkompas (only when the sources changed)…');
	const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	// The bundler reports circular imports inside dependencies (kysely); they are harmless noise.
	const output = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.trim() && !l.startsWith('Circular dependency'));
	if (output.length) console.log(output.join('\n'));
	if (result.status !== 0) throw new Error('The build failed; see the messages above.');
	writeFileSync(STAMP, new Date().toISOString());
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
