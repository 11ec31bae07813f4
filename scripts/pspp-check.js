#!/usr/bin/env node
// CI check that PSPP reads Leerkompas's SPSS files exactly: `node scripts/pspp-check.js` (needs `pspp`,
// apt-get install -y pspp). It fills an in-memory database with a round of made-up answers (with "weet ik
// niet", skipped statements, teams, and open answers that are long, non-ASCII or hostile), exports the
// research data set as .sav through the same code the web and the CLI use, and has PSPP
//   - read the dictionary (variable and value labels, 9 as user-missing),
//   - run DESCRIPTIVES ALL,
//   - compute every statement's mean and every aspect score (mean of the answered statements, reverse-keyed
//     ones as 6 minus the answer, at least half answered) on its own,
// and compares those means and counts with the report's. It also checks that every open answer comes back
// byte for byte. Exit code 0 when all agree, 1 with a list of differences otherwise.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);

const version = spawnSync('pspp', ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
	console.error('pspp-check: PSPP is not installed. Install it with: apt-get install -y pspp');
	process.exit(1);
}

const { openDatabase } = await load('../src/lib/server/db/client.ts');
const { makeFirm, makeUser } = await load('../tests/helpers/factories.ts');
const { instrument, roundWithAnswers, HOSTILE_OPEN_ANSWERS } = await load('../tests/helpers/export-fixtures.ts');
const { exportRound, reportOfRound, publishedEmployeeResponses } = await load('../src/lib/server/export/export-round.ts');
const { findExportFile } = await load('../src/lib/server/export/export-files.ts');
const { dayOf } = await load('../src/lib/server/clock.ts');

const problems = [];
const check = (ok, message) => {
	if (!ok) problems.push(message);
};
const close = (a, b) => a !== null && b !== null && Math.abs(a - b) < 1e-9;

const work = mkdtempSync(join(tmpdir(), 'leerkompas-pspp-'));
const handle = await openDatabase({ kind: 'pglite' });
try {
	const db = handle.db;
	const today = dayOf();
	const owner = await makeUser(db);
	const firm = await makeFirm(db, { ownerId: owner.id, name: 'Bakkerij De Korenaar' });
	const longText = `Één ding: ${'we leren van elkaar, ook als het druk is — € en ü horen erbij. '.repeat(12)}Einde.`;
	const openTexts = [longText, 'Kort.', 'Collega’s helpen.', ...HOSTILE_OPEN_ANSWERS.filter((t) => !/^[\t\r]/.test(t))];
	const { round } = await roundWithAnswers(db, firm.id, { employees: 60, seed: 42, teams: ['Bakkerij', 'Winkel', 'Bezorging'], openAnswersVerbatim: true, openTexts });
	const request = (file) => ({ firm, round, file: findExportFile(file), actor: { userId: null, basis: 'cli' }, today, locale: 'nl' });

	const result = await exportRound(db, request('research.sav'));
	if (!result.ok) throw new Error(`export refused: ${result.reason}`);
	const savFile = join(work, 'leerkompas.sav');
	writeFileSync(savFile, result.file.body);
	const report = await reportOfRound(db, { firmName: firm.name, round, today, locale: 'nl' });
	const stored = await publishedEmployeeResponses(db, round.id);

	const itemIds = instrument.items.map((i) => i.id);
	const aspects = instrument.aspects.map((aspect) => {
		const items = instrument.items.filter((i) => i.aspect === aspect.id);
		const terms = items.map((i) => (i.reverse ? `6 - ${i.id}` : i.id));
		return { id: aspect.id, variable: `asp_${aspect.id}`, compute: `COMPUTE asp_${aspect.id} = MEAN.${Math.ceil(items.length / 2)}(${terms.join(', ')}).` };
	});
	const means = [...itemIds, ...aspects.map((a) => a.variable)];
	const syntax = [
		'SET DECIMAL=DOT.',
		`GET FILE='${savFile}'.`,
		'DISPLAY DICTIONARY.',
		'DESCRIPTIVES ALL.',
		'LIST open_strength open_improve.',
		...aspects.map((a) => a.compute),
		'COMPUTE lk_all = 1.',
		`AGGREGATE OUTFILE=* /BREAK=lk_all /${means.map((_, i) => `m${i}`).join(' ')} = MEAN(${means.join(' ')}) /${means.map((_, i) => `n${i}`).join(' ')} = NU(${means.join(' ')}).`,
		`FORMATS ${means.map((_, i) => `m${i}`).join(' ')} (F24.14).`,
		`LIST ${means.map((_, i) => `m${i} n${i}`).join(' ')}.`,
		''
	].join('\n');
	const syntaxFile = join(work, 'check.sps');
	const outFile = join(work, 'out.csv');
	writeFileSync(syntaxFile, syntax);
	const run = spawnSync('pspp', [syntaxFile, '-O', 'format=csv', '-o', outFile], { encoding: 'utf8' });
	const output = readFileSync(outFile, 'utf8');
	check(run.status === 0, `pspp exited with ${run.status}: ${run.stderr}`);
	// DESCRIPTIVES warns that the open answers are not numeric; any other warning or error is a finding.
	const messages = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /(error|warning):/.test(l) && !/is not a numeric variable/.test(l));
	check(messages.length === 0, `pspp reported:\n${messages.join('\n')}`);

	const tables = output.split(/\n(?=Table: )/).map((block) => {
		const [title, ...rest] = block.split('\n');
		return { title: title.replace('Table: ', '').trim(), rows: Papa.parse(rest.join('\n'), { skipEmptyLines: true }).data };
	});
	const table = (title) => tables.filter((t) => t.title === title);

	// The dictionary: long names, labels, 9 as user-missing on the statements, value labels.
	const variables = table('Variables')[0]?.rows ?? [];
	const header = variables[0] ?? [];
	const column = (name) => header.indexOf(name);
	const byName = new Map(variables.slice(1).map((row) => [row[0], row]));
	for (const item of instrument.items) {
		const row = byName.get(item.id);
		check(row !== undefined, `variable ${item.id} missing in PSPP`);
		if (!row) continue;
		check(row[column('Label')] === item.text.employee.nl, `${item.id}: label ${row[column('Label')]}`);
		check(row[column('Missing Values')] === '9', `${item.id}: missing values ${row[column('Missing Values')]}`);
		check(row[column('Print Format')] === 'F8.2', `${item.id}: format ${row[column('Print Format')]}`);
	}
	check(byName.get('team') !== undefined && byName.get('open_improve') !== undefined, 'team or open_improve missing in PSPP');
	const valueLabels = (table('Value Labels')[0]?.rows ?? []).flat().join('|');
	for (const label of ['Weet ik niet', 'Helemaal eens', 'Bezorging', instrument.background[0].categories[0].label.nl]) {
		check(valueLabels.includes(label), `value label "${label}" missing in PSPP`);
	}
	check(table('Descriptive Statistics').length === 1, 'DESCRIPTIVES ALL gave no table');

	// Open answers, byte for byte (PSPP trims trailing spaces in LIST; the texts have none).
	const listed = table('Data List')[0]?.rows.slice(1) ?? [];
	const expectedOpen = stored.flatMap((r) => [r.open.open_strength ?? '', r.open.open_improve ?? '']).filter((t) => t !== '').sort();
	const gotOpen = listed.flatMap((row) => [row[0] ?? '', row[1] ?? '']).filter((t) => t !== '').sort();
	check(JSON.stringify(gotOpen) === JSON.stringify(expectedOpen), `open answers differ: ${gotOpen.length} from PSPP, ${expectedOpen.length} stored`);
	check(gotOpen.includes(longText), 'the long non-ASCII open answer did not come back whole');

	// Means and counts computed by PSPP against the report's.
	const aggregated = table('Data List').at(-1)?.rows ?? [];
	const names = aggregated[0] ?? [];
	const values = aggregated[1] ?? [];
	const value = (name) => {
		const text = values[names.indexOf(name)]?.trim();
		return text === undefined || text === '.' || text === '' ? null : Number(text);
	};
	let compared = 0;
	means.forEach((variable, i) => {
		const mean = value(`m${i}`);
		const n = value(`n${i}`);
		const item = report.items.find((it) => it.id === variable);
		const aspect = report.aspects.find((a) => `asp_${a.id}` === variable);
		const expected = item ? item.employee : aspect.employee;
		// PSPP has the raw answers; the report scores a reverse-keyed statement as 6 minus the answer.
		const psppMean = item?.reverse && mean !== null ? 6 - mean : mean;
		check(close(psppMean, expected.mean), `${variable}: PSPP mean ${psppMean}, report ${expected.mean}`);
		check(n === expected.n, `${variable}: PSPP n ${n}, report ${expected.n}`);
		compared++;
	});
	check(compared === instrument.items.length + instrument.aspects.length, 'not every mean was compared');

	if (problems.length > 0) {
		console.error(`pspp-check: ${problems.length} difference(s) between PSPP and Leerkompas:\n- ${problems.join('\n- ')}`);
		process.exitCode = 1;
	} else {
		console.log(`pspp-check: PSPP (${version.stdout.split('\n')[0]}) read ${result.file.respondents} respondents and ${header.length ? variables.length - 1 : 0} variables; ${compared} means and counts equal the report's; open answers intact.`);
	}
} finally {
	await handle.close();
	rmSync(work, { recursive: true, force: true });
}
