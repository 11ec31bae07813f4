import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The migrations ship beside package.json; this file may run from src/ (tests, CLI) or from build/ (server).
export function projectRoot(): string {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (;;) {
		if (existsSync(join(dir, 'drizzle', 'meta', '_journal.json'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) return process.cwd();
		dir = parent;
	}
}

export function migrationsFolder(): string {
	return join(projectRoot(), 'drizzle');
}
