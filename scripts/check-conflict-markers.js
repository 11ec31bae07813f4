// Refuses a tree with merge-conflict markers left in any tracked file. Markers once sat unnoticed in
// docs/performance.md for a whole stop, because nothing else reads Markdown strictly.
import { execFileSync } from 'node:child_process';

const pattern = '^(<<<<<<< |>>>>>>> |=======$)';
let found = '';
try {
	found = execFileSync('git', ['grep', '-nE', pattern, '--', '.', ':!package-lock.json'], { encoding: 'utf8' });
} catch (error) {
	// git grep exits 1 when nothing matches: that is the good case.
	if (error.status !== 1) throw error;
}
if (found.trim()) {
	console.error('Merge-conflict markers left in these files; resolve them:\n' + found);
	process.exit(1);
}
