// Refuses a tree with merge-conflict markers left in any tracked file. Markers once sat unnoticed in
// docs/performance.md for a whole stop, because nothing else reads Markdown strictly.
// Without git (not installed, or a copy of the folder without .git) it says so in one line and reads the
// files on disk instead, so a download of the code is checked too and nobody gets a stack trace.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const pattern = '^(<<<<<<< |>>>>>>> |=======$)';
// Folders that are generated or installed, never written by hand (and .git itself).
const skipped = new Set(['.git', 'node_modules', 'build', '.svelte-kit', 'data', 'test-results', 'paraglide']);

/** `file:line:text` for every marker line under `folder`, read from disk. */
function scanDisk(folder, prefix = '') {
	const marker = new RegExp(pattern);
	let found = '';
	for (const entry of readdirSync(folder, { withFileTypes: true })) {
		const path = prefix + entry.name;
		if (entry.isDirectory()) {
			if (!skipped.has(entry.name)) found += scanDisk(join(folder, entry.name), path + '/');
		} else if (entry.isFile() && entry.name !== 'package-lock.json') {
			const text = readFileSync(join(folder, entry.name));
			if (text.includes(0)) continue; // a binary file (an image, a font) has no lines to resolve
			text.toString('utf8').split(/\r?\n/).forEach((line, i) => {
				if (marker.test(line)) found += `${path}:${i + 1}:${line}\n`;
			});
		}
	}
	return found;
}

let found = '';
try {
	found = execFileSync('git', ['grep', '-nE', pattern, '--', '.', ':!package-lock.json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
} catch (error) {
	// git grep exits 1 when nothing matches: that is the good case.
	if (error.status !== 1) {
		const why = error.code === 'ENOENT' ? 'git is not installed' : 'this folder is not a git repository';
		console.log(`Conflict-marker check: ${why}; reading the files on disk instead.`);
		found = scanDisk(process.cwd());
	}
}
if (found.trim()) {
	console.error('Merge-conflict markers left in these files; resolve them:\n' + found);
	process.exit(1);
}
