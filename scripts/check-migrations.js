// Fails when the Drizzle schema has changes that no migration holds: drizzle-kit would write a new file.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const copy = mkdtempSync(join(tmpdir(), 'leerkompas-migrations-'));
try {
	cpSync('drizzle', join(copy, 'drizzle'), { recursive: true });
	const before = readdirSync(join(copy, 'drizzle')).length;
	execFileSync('npx', ['drizzle-kit', 'generate', '--out', join(copy, 'drizzle'), '--dialect', 'postgresql', '--schema', './src/lib/server/db/schema/index.ts'], { stdio: 'pipe' });
	const after = readdirSync(join(copy, 'drizzle')).length;
	if (after !== before) {
		console.error('The database schema changed without a migration. Run: npm run db:generate, and commit the new file in drizzle/.');
		process.exit(1);
	}
	console.log('Schema and migrations agree.');
} finally {
	rmSync(copy, { recursive: true, force: true });
}
