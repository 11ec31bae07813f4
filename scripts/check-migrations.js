// Fails when the Drizzle schema has changes that no migration holds: drizzle-kit would write a new file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { join } from 'node:path';

// A relative path: drizzle-kit prefixes --out with './', so an absolute one fails (and it still exits 0).
mkdirSync(join('node_modules', '.cache'), { recursive: true });
const copy = mkdtempSync(join('node_modules', '.cache', 'leerkompas-migrations-'));
try {
	cpSync('drizzle', join(copy, 'drizzle'), { recursive: true });
	const before = readdirSync(join(copy, 'drizzle')).length;
	const output = execFileSync('npx', ['drizzle-kit', 'generate', '--out', join(copy, 'drizzle'), '--dialect', 'postgresql', '--schema', './src/lib/server/db/schema/index.ts'], { encoding: 'utf8', stdio: 'pipe' });
	// drizzle-kit reports some failures on its output and still exits 0: only its success line counts.
	if (!/No schema changes|Your SQL migration file/.test(output)) {
		console.error(`drizzle-kit could not compare the schema with the migrations:\n${output}`);
		process.exit(1);
	}
	const after = readdirSync(join(copy, 'drizzle')).length;
	if (after !== before) {
		console.error('The database schema changed without a migration. Run: npm run db:generate, and commit the new file in drizzle/.');
		process.exit(1);
	}
	console.log('Schema and migrations agree.');
} finally {
	rmSync(copy, { recursive: true, force: true });
}
