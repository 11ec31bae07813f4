// `npm run lint` starts with the conflict-marker check. Outside a git repository, or on a machine without git,
// it must still find markers (reading the files on disk) and say why in one line, not end in a stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = resolve('scripts/check-conflict-markers.js');
const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>) {
	const folder = mkdtempSync(join(tmpdir(), 'conflict-markers-'));
	folders.push(folder);
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(join(folder, name, '..'), { recursive: true });
		writeFileSync(join(folder, name), text);
	}
	return folder;
}

const conflicted = 'intro\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> branch\n';
// PATH without git: only an empty folder.
const check = (cwd: string, withoutGit = false) =>
	spawnSync(process.execPath, [script], { cwd, encoding: 'utf8', env: { ...process.env, PATH: withoutGit ? folderWith({}) : process.env.PATH } });

describe('the conflict-marker check', () => {
	it('outside a git repository, finds markers in the files on disk and says why it read them', () => {
		const result = check(folderWith({ 'docs/notes.md': conflicted, 'node_modules/x/readme.md': conflicted }));
		expect(result.status).toBe(1);
		expect(result.stdout.trim()).toBe('Conflict-marker check: this folder is not a git repository; reading the files on disk instead.');
		expect(result.stderr).toContain('docs/notes.md:2:<<<<<<< HEAD');
		expect(result.stderr).toContain('docs/notes.md:4:=======');
		expect(result.stderr).not.toContain('node_modules');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('without git installed, passes a clean folder with a one-line notice', () => {
		const result = check(folderWith({ 'src/app.ts': 'const a = 1;\n', 'README.md': 'Title\n=====\n' }), true);
		expect(result.stdout.trim()).toBe('Conflict-marker check: git is not installed; reading the files on disk instead.');
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	it('in a git repository, still finds markers in tracked files', () => {
		const folder = folderWith({ 'notes.md': conflicted });
		const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, stdio: 'ignore' });
		git('init', '-q');
		git('add', 'notes.md');
		const result = check(folder);
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toContain('notes.md:2:<<<<<<< HEAD');
	});
});
