// Runs the CLI as a user would (its `main`, in this process), against a fresh database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from '../../../tests/cli/helpers';
import { scanResponse, scanRound } from '../../lib/server/db/schema';

let target: Target;
let dir: { path: string; remove(): Promise<void> };
beforeAll(async () => {
	target = await testTarget();
	dir = await tempDir('leerkompas-import-');
	const firm = await runCliInProcess(['org', 'create', '--name', 'Garage Jansen', '--employees', '6'], target.env);
	expect(firm.stdout).toBe('garage-jansen\n');
}, 120_000);
afterAll(async () => {
	await target.remove();
	await dir.remove();
});

function csvFile(name: string, content: string | Uint8Array): string {
	const file = join(dir.path, name);
	writeFileSync(file, content);
	return file;
}

describe(`leerkompas import (${targetKind})`, () => {
	it('creates the round and stores every row', async () => {
		const file = csvFile('goed.csv', '\uFEFFperspective;werk_1;werk_2;team\r\nemployee;4;5;Werkplaats\r\nemployee;3;9;Kantoor\r\nowner;5;;\r\n');
		const r = await runCliInProcess(['import', '--org', 'garage-jansen', '--round', 'Papier 2024', file], target.env);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toBe("3 antwoorden ingelezen in de ronde 'Papier 2024': 2 van medewerkers, 1 van de eigenaar.\n");
		expect(r.stderr).toContain("De ronde 'Papier 2024' bestond nog niet en is aangemaakt.");

		const h = await target.open();
		try {
			const [round] = await h.db.select().from(scanRound).where(eq(scanRound.name, 'Papier 2024'));
			expect(round?.teams).toEqual(['Werkplaats', 'Kantoor']);
			const rows = await h.db.select().from(scanResponse).where(eq(scanResponse.roundId, round!.id));
			expect(rows.map((row) => [row.perspective, row.source, row.answers.werk_1]).sort()).toEqual([
				['employee', 'import', 3],
				['employee', 'import', 4],
				['owner', 'import', 5]
			]);
		} finally {
			await h.close();
		}
	}, 120_000);

	it('refuses to read rows into a round that Leerkompas collects, and stores none', async () => {
		const made = await runCliInProcess(['round', 'create', '--org', 'garage-jansen', '--name', 'Via de link'], target.env);
		expect(made.code, made.stderr).toBe(0);
		const file = csvFile('erbij.csv', 'perspective,werk_1\nemployee,4\nemployee,5\n');
		const r = await runCliInProcess(['import', '--org', 'garage-jansen', '--round', 'Via de link', file], target.env);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('Leerkompas verzamelt de antwoorden van de ronde Via de link zelf');
		expect(hasStackTrace(r.stderr)).toBe(false);
		const h = await target.open();
		try {
			const [round] = await h.db.select().from(scanRound).where(eq(scanRound.name, 'Via de link'));
			expect(await h.db.select().from(scanResponse).where(eq(scanResponse.roundId, round!.id))).toEqual([]);
		} finally {
			await h.close();
		}
	}, 120_000);

	it('stores nothing from a bad file and lists every problem with row and column', async () => {
		const file = csvFile('fout.csv', 'perspective,werk_1,naam\nbaas,3,x\nemployee,6,y\nemployee,2,z\n');
		const r = await runCliInProcess(['import', '--org', 'garage-jansen', '--round', 'Mislukt', file], target.env);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain('Er is niets ingelezen.');
		expect(r.stderr).toContain('Regel 1, kolom naam: Deze kolom kennen we niet.');
		expect(r.stderr).toContain('Regel 2, kolom perspective: Vul employee (medewerker) of owner (eigenaar) in.');
		expect(r.stderr).toContain('Regel 3, kolom werk_1: Gebruik een getal van 1 tot en met 5, of 9 voor weet ik niet.');
		expect(hasStackTrace(r.stderr)).toBe(false);

		const notText = await runCliInProcess(['import', '--org', 'garage-jansen', '--round', 'Mislukt', csvFile('oud.csv', new Uint8Array([0x63, 0x61, 0x66, 0xe9]))], target.env);
		expect(notText.code).toBe(1);
		expect(notText.stderr).toContain('Sla het op als CSV (UTF-8)');

		const missing = await runCliInProcess(['import', '--org', 'garage-jansen', '--round', 'Mislukt', join(dir.path, 'weg.csv')], target.env);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('kan niet worden gelezen');

		const h = await target.open();
		try {
			expect(await h.db.select().from(scanRound).where(eq(scanRound.name, 'Mislukt'))).toEqual([]);
		} finally {
			await h.close();
		}
	}, 120_000);
});
