import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { hasStackTrace, runCli, runCliInProcess, tempDir } from './helpers';

// None of these reach the database: help and argument errors must work before (and without) it. They call the
// CLI's `main` in this process; the last block runs the real binary, so its entry and exit codes stay covered.
let dir: { path: string; remove(): Promise<void> };
let env: Record<string, string>;
beforeAll(async () => {
	dir = await tempDir('leerkompas-cli-args-');
	env = { LEERKOMPAS_DATA_DIR: join(dir.path, 'data') };
});
afterAll(async () => {
	expect(existsSync(join(dir.path, 'data')), 'help or a bad argument opened the database').toBe(false);
	await dir.remove();
});

describe('leerkompas --help', () => {
	it('lists every command, in Dutch by default', async () => {
		const r = await runCliInProcess(['--help'], env);
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('');
		expect(r.stdout).toContain('Gebruik: leerkompas <opdracht>');
		for (const command of ['create-admin', 'backup', 'restore', 'firm create', 'org create']) {
			expect(r.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'));
		}
		expect(r.stdout).toContain('LEERKOMPAS_DATA_DIR');
	});

	it('speaks English with --lang en', async () => {
		const r = await runCliInProcess(['--lang', 'en', '--help'], env);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Usage: leerkompas <command>');
		expect(r.stdout).toContain('Back up all data into one file');
	});

	it.each([
		[['create-admin', '--help'], 'Gebruik: leerkompas create-admin'],
		[['backup', '--help'], 'Gebruik: leerkompas backup BESTAND [--force]'],
		[['restore', '-h'], 'Gebruik: leerkompas restore BESTAND [--force]'],
		[['org', 'create', '--help'], 'Gebruik: leerkompas org create --name NAAM [--slug SLUG]'],
		[['help', 'org', 'create'], 'Gebruik: leerkompas org create --name NAAM'],
		[['org', '--help'], 'Gebruik: leerkompas org <opdracht>'],
		[['org', 'create', '--name', 'X', '--employees', '900', '--help'], 'Gebruik: leerkompas org create'],
		[['firm', 'create', '--help'], 'Gebruik: leerkompas firm create --name NAAM [--slug SLUG]'],
		[['help', 'firm', 'create'], 'Gebruik: leerkompas firm create --name NAAM'],
		[['firm', '--help'], 'Gebruik: leerkompas firm <opdracht>'],
		[['round', 'create', '--help'], 'Gebruik: leerkompas round create --firm SLUG --name NAAM']
	])('%j shows the help of that command', async (args, expected) => {
		const r = await runCliInProcess(args, env);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain(expected);
	});

	it('names the older --org beside --firm in the help', async () => {
		const r = await runCliInProcess(['round', 'create', '--help'], env);
		expect(r.stdout).toMatch(/--firm SLUG +Slug van het bedrijf \(verplicht; ook: --org\)/);
		const all = await runCliInProcess(['--help'], env);
		expect(all.stdout).toMatch(/^ {2}org create +Andere naam voor firm create$/m);
	});

	it('explains each option of org create, with defaults and choices', async () => {
		const r = await runCliInProcess(['org', 'create', '--help'], env);
		expect(r.stdout).toMatch(/--employees AANTAL +Aantal medewerkers, van 1 tot en met 249 \(standaard: 1\)/);
		expect(r.stdout).toMatch(/--sector ID +Sector \(standaard: overig; mogelijk: bouw,/);
		expect(r.stdout).toContain('noord-brabant');
	});
});

describe('bad arguments', () => {
	const cases: [string[], string][] = [
		[[], 'Fout: Geef een opdracht op.'],
		[['frobnicate'], 'Fout: Onbekende opdracht: frobnicate.'],
		[['org'], "Fout: Na 'org' moet nog een opdracht komen. Kies uit: org create."],
		[['org', 'remove'], 'Fout: Onbekende opdracht: org remove. Kies uit: org create.'],
		[['org', 'create'], 'Fout: De optie --name NAAM is verplicht.'],
		[['org', 'create', '--name'], 'Fout: De optie --name heeft een waarde nodig'],
		[['org', 'create', '--name', '--slug', 'abc'], 'Fout: De optie --name heeft een waarde nodig'],
		[['org', 'create', '--name', 'A', '--name', 'B'], 'Fout: De optie --name staat er meer dan één keer.'],
		[['org', 'create', '--name', 'Bakkerij', '--size', '3'], 'Fout: Onbekende optie: --size.'],
		[['org', 'create', '--name', 'Bakkerij', 'Jansen'], 'Fout: Te veel argumenten: Jansen.'],
		[['org', 'create', '--name', 'Bakkerij', '--employees', '250'], 'minder dan 250 medewerkers'],
		[['org', 'create', '--name', 'Bakkerij', '--employees', '0'], 'minstens 1 medewerker'],
		[['org', 'create', '--name', 'Bakkerij', '--employees', 'veel'], 'Vul bij --employees een heel getal in'],
		[['org', 'create', '--name', 'Bakkerij', '--sector', 'ruimtevaart'], "Onbekende sector: 'ruimtevaart'. Kies een van: bouw,"],
		[['org', 'create', '--name', 'Bakkerij', '--province', 'bayern'], "Onbekende provincie: 'bayern'."],
		[['org', 'create', '--name', 'Bakkerij', '--slug', 'Bak kerij!'], "De slug 'Bak kerij!' kan niet."],
		[['org', 'create', '--name', '   '], 'Geef de naam van het bedrijf op met --name.'],
		[['firm'], "Fout: Na 'firm' moet nog een opdracht komen. Kies uit: firm create."],
		[['firm', 'create', '--name', 'Bakkerij', '--employees', '250'], 'minder dan 250 medewerkers'],
		[['round', 'create', '--name', 'X'], 'Fout: De optie --firm SLUG is verplicht.'],
		[['round', 'create', '--org', 'bakkerij'], 'Fout: De optie --name NAAM is verplicht.'],
		[['round', 'create', '--firm', 'bakkerij'], 'Fout: De optie --name NAAM is verplicht.'],
		[['round', 'create', '--firm', 'a', '--org', 'b', '--name', 'X'], 'Fout: De optie --org staat er meer dan één keer.'],
		[['round', 'create', '--org'], 'Fout: De optie --org heeft een waarde nodig'],
		[['backup'], 'Fout: Geef BESTAND op.'],
		[['backup', '--force=ja', 'x.gz'], "Fout: De optie --force heeft geen waarde. Laat '=ja' weg."],
		[['restore', 'a.gz', 'b.gz'], 'Fout: Te veel argumenten: b.gz.'],
		[['--lang', 'de', 'backup', 'x.gz'], 'Fout: Onbekende taal: de. Kies nl of en.'],
		[['--lang', 'en', 'org', 'create', '--name', 'Bakery', '--employees', '300'], 'Error: Leerkompas is made for firms with fewer than 250 employees.']
	];

	it.each(cases)('%j: exit 2 and a plain message', async (args, message) => {
		const r = await runCliInProcess(args, env);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe('');
		expect(r.stderr).toContain(message);
		expect(r.stderr).toMatch(/^(Hulp|Help): leerkompas.* --help$/m);
		expect(hasStackTrace(r.stderr)).toBe(false);
	});

	it('names every wrong option at once', async () => {
		const r = await runCliInProcess(['org', 'create', '--name', 'B', '--employees', '1000', '--sector', 'x', '--province', 'y'], env);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('--employees');
		expect(r.stderr).toContain("Onbekende sector: 'x'");
		expect(r.stderr).toContain("Onbekende provincie: 'y'");
	});
});

describe('the leerkompas binary', () => {
	it('prints the help and exits 0, and exits 2 with a plain message on a bad argument', async () => {
		const help = await runCli(['--help'], env);
		expect(help).toMatchObject({ code: 0, stderr: '' });
		expect(help.stdout).toContain('Gebruik: leerkompas <opdracht>');
		const bad = await runCli(['org', 'create', '--name', 'Bakkerij', '--size', '3'], env);
		expect(bad).toMatchObject({ code: 2, stdout: '' });
		expect(bad.stderr).toContain('Fout: Onbekende optie: --size.');
		expect(bad.stderr).toMatch(/^Hulp: leerkompas org create --help$/m);
		expect(hasStackTrace(bad.stderr)).toBe(false);
	}, 120_000);
});
