// The knowledge-base commands through the CLI's `main`: list, search, import and export, and the round trip.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from '../../../tests/cli/helpers';
import { makeUser } from '../../../tests/helpers/factories';
import { entryFolder, FIXTURE_ENTRIES } from '../../../tests/helpers/knowledge-fixtures';
import { readEntryFolder } from '../../lib/server/knowledge/entry-file';
import { saveEntry } from '../../lib/server/knowledge/save-entry';

let target: Target;
let fixtures: ReturnType<typeof entryFolder>;
beforeAll(async () => {
	target = await testTarget();
	fixtures = entryFolder(FIXTURE_ENTRIES);
}, 120_000);
afterAll(async () => {
	fixtures.remove();
	await target.remove();
});

const cli = (...args: string[]) => runCliInProcess(['kennisbank', ...args], target.env);

describe(`leerkompas kennisbank (${targetKind})`, () => {
	it('imports a folder, then lists and searches it with the starter set', async () => {
		const imported = await cli('import', fixtures.dir);
		expect(imported.code, imported.stderr).toBe(0);
		expect(imported.stderr).toContain('3 nieuw, 0 veranderd, 0 gelijk gebleven');

		const list = await cli('list', '--json');
		expect(list.code, list.stderr).toBe(0);
		const entries = JSON.parse(list.stdout) as { slug: string; version: number; body: string }[];
		expect(entries.map((e) => e.slug)).toEqual(expect.arrayContaining(['leerambassadeur', 'opleidingsplan', 'meester-gezel', 'slim-subsidie']));
		expect(entries.find((e) => e.slug === 'opleidingsplan')).toMatchObject({ version: 1, body: expect.stringContaining('opleiding') });

		const text = await cli('list');
		expect(text.stdout).toMatch(/^leerambassadeur\tinterventie\tEen leerambassadeur in het team$/m);

		const typo = await cli('search', 'leerambasadeur', '--json');
		expect(typo.code, typo.stderr).toBe(0);
		const found = JSON.parse(typo.stdout) as { count: number; results: { slug: string; sectors: unknown }[]; facets: { kind: Record<string, number> } };
		// The starter set has entries about learning ambassadors too; the imported one is among the matches.
		expect(found.results.find((r) => r.slug === 'leerambassadeur')).toMatchObject({ sectors: 'all' });
		expect(found.facets.kind.interventie).toBeGreaterThan(0);

		const filtered = await cli('search', 'opleidingen', '--sector', 'bouw', '--size', '50-249');
		// The starter set of content/kennisbank is searched too, so the imported entry is one of several lines.
		expect(filtered.stdout.split('\n')).toContain('opleidingsplan\tEen plan voor de opleiding van iedereen');
		expect((await cli('search', 'opleidingen', '--sector', 'horeca')).stdout).not.toContain('opleidingsplan');
	});

	it('refuses an unknown filter value and names the values it knows', async () => {
		const r = await cli('search', 'x', '--kind', 'workshop');
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('Onbekende waarde voor --kind: workshop. Kies uit: interventie, werkvorm');
		expect(hasStackTrace(r.stderr)).toBe(false);
	});

	it('exports the published entries as files that import reads back unchanged, and imports a changed file as a new version', async () => {
		const out = await tempDir('kennisbank-export-');
		try {
			const exported = await cli('export', out.path);
			expect(exported.code, exported.stderr).toBe(0);
			const folder = readEntryFolder(out.path);
			expect(folder.invalid).toEqual([]);
			expect(folder.entries.find((e) => e.slug === 'fouten-bespreken')).toEqual(FIXTURE_ENTRIES.find((e) => e.slug === 'fouten-bespreken'));

			const again = await cli('import', out.path);
			expect(again.stderr).toMatch(/0 nieuw, 0 veranderd, \d+ gelijk gebleven/);

			const file = join(out.path, 'fouten-bespreken.md');
			writeFileSync(file, readFileSync(file, 'utf8').replace('Leren van fouten bespreken', 'Fouten bespreken in het werkoverleg'));
			expect((await cli('import', out.path)).stderr).toContain('0 nieuw, 1 veranderd');
			expect((await cli('search', 'werkoverleg')).stdout).toContain('fouten-bespreken\tFouten bespreken in het werkoverleg');
			const listed = JSON.parse((await cli('list', '--json')).stdout) as { slug: string; version: number }[];
			expect(listed.find((e) => e.slug === 'fouten-bespreken')?.version).toBe(2);
		} finally {
			await out.remove();
		}
	});

	it('keeps an entry edited in the app unless --force, and names an invalid file', async () => {
		const h = await target.open();
		try {
			const editor = await makeUser(h.db, { role: 'coordinator' });
			const entry = FIXTURE_ENTRIES.find((e) => e.slug === 'leerambassadeur')!;
			expect(await saveEntry(h.db, { entry: { ...entry, title: 'In de app bewerkt' }, publish: true, userId: editor.id, baseVersion: 1 })).toMatchObject({ ok: true });
		} finally {
			await h.close();
		}
		fixtures.write({ ...FIXTURE_ENTRIES[0]!, title: 'Uit het bestand' });
		fixtures.writeText('kapot.md', '---\nslug: kapot\n---\nTekst');
		const kept = await cli('import', fixtures.dir);
		expect(kept.code).toBe(1);
		expect(kept.stderr).toContain('leerambassadeur.md: overgeslagen, want dit stuk is in de app bewerkt. Gebruik --force');
		expect(kept.stderr).toMatch(/kapot\.md: niet ingelezen\. .*title/);
		expect((await cli('search', 'leerambassadeur')).stdout).toContain('In de app bewerkt');

		const forced = await cli('import', '--force', fixtures.dir);
		expect(forced.stderr).toContain('0 nieuw, 1 veranderd');
		expect((await cli('search', 'leerambassadeur')).stdout).toContain('Uit het bestand');
	});

	it('says so when the folder to import does not exist', async () => {
		const r = await cli('import', join(fixtures.dir, 'bestaat-niet'));
		expect(r.code).toBe(1);
		expect(r.stderr).toContain('bestaat niet');
	});
});
