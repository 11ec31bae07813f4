// The .sav writer, read back with an independent reader (sav-reader). PSPP reads the same files in CI
// (scripts/pspp-check.js), including non-ASCII text, which sav-reader decodes 8 bytes at a time and so
// cannot check.
import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../domain/instrument';
import { sampleResponses } from '../report/sample-responses';
import { respondentSav } from './export-round';
import { respondentTable } from './respondent-table';
import { readSav, SAV_SYSMIS } from '../../../../tests/helpers/sav-reader';
import { SavWriteError, stringWidthFor, utf8Prefix, writeSav, type SavDataset } from './sav';

const SYSMIS = SAV_SYSMIS;
const read = readSav;

const scaleLabels = [
	{ value: 1, label: 'Helemaal oneens' },
	{ value: 5, label: 'Helemaal eens' },
	{ value: 9, label: 'Weet ik niet' }
];

const dataset: SavDataset = {
	fileLabel: 'Leerkompas test',
	created: new Date(Date.UTC(2026, 2, 10, 9, 30, 0)),
	variables: [
		{ kind: 'numeric', name: 'werk_1', label: 'Mijn werk is afwisselend.', valueLabels: scaleLabels, missing: [9] },
		{ kind: 'numeric', name: 'organisatie_1', label: 'Er is tijd om te leren, ook in drukke weken.', valueLabels: scaleLabels, missing: [9] },
		{ kind: 'numeric', name: 'age', label: 'Leeftijd', valueLabels: [{ value: 1, label: 'Jonger dan 25' }, { value: 5, label: '55 of ouder' }], missing: [] },
		{ kind: 'numeric', name: 'gap', label: 'Verschil', valueLabels: [], missing: [] },
		{ kind: 'string', name: 'open_strength', label: 'Wat gaat goed?', width: 20 },
		{ kind: 'string', name: 'open_improve', label: 'Wat kan beter?', width: 700 }
	],
	cases: [
		[1, 9, 5, -1.25, 'Goede collega', 'a'.repeat(255) + 'b'.repeat(255) + 'c'.repeat(190)],
		[null, 3, null, 0, null, 'kort'],
		[5, 5, 1, 2.5, '=HYPERLINK("x")', null]
	]
};

describe('writeSav read back by sav-reader', () => {
	it('keeps the header, long variable names, labels and missing values', async () => {
		const { meta } = await read(writeSav(dataset));
		expect(meta.header.n_cases).toBe(3);
		expect(meta.header.encoding).toBe('UTF-8');
		expect(meta.header.fileLabel).toBe('Leerkompas test');
		expect(meta.sysvars.map((v) => v.name)).toEqual(['werk_1', 'organisatie_1', 'age', 'gap', 'open_strength', 'open_improve']);
		const byName = new Map(meta.sysvars.map((v) => [v.name, v]));
		expect(byName.get('organisatie_1')?.label).toBe('Er is tijd om te leren, ook in drukke weken.');
		expect(byName.get('werk_1')?.missing).toBe(9);
		expect(byName.get('age')?.missing).toBeNull();
		expect(byName.get('werk_1')?.printFormat).toMatchObject({ typestr: 'F', width: 8, nbdec: 2 });
		expect(byName.get('open_improve')?.type).toBe(1);
	});

	it('keeps the value labels, one shared set for the statements', async () => {
		const { meta } = await read(writeSav(dataset));
		expect(meta.getValueLabels('werk_1')).toEqual([
			{ val: 1, label: 'Helemaal oneens' },
			{ val: 5, label: 'Helemaal eens' },
			{ val: 9, label: 'Weet ik niet' }
		]);
		expect(meta.getValueLabels('organisatie_1')).toEqual(meta.getValueLabels('werk_1'));
		expect(meta.getValueLabels('age')).toEqual([
			{ val: 1, label: 'Jonger dan 25' },
			{ val: 5, label: '55 of ouder' }
		]);
		expect(meta.valueLabels.map((s) => s.appliesToNames)).toEqual([['werk_1', 'organisatie_1'], ['age']]);
	});

	it('keeps every value: numbers, negatives, system-missing, short and very long strings', async () => {
		const { rows } = await read(writeSav(dataset));
		expect(rows).toEqual([
			{ werk_1: 1, organisatie_1: 9, age: 5, gap: -1.25, open_strength: 'Goede collega', open_improve: 'a'.repeat(255) + 'b'.repeat(255) + 'c'.repeat(190) },
			{ werk_1: SYSMIS, organisatie_1: 3, age: SYSMIS, gap: 0, open_strength: '', open_improve: 'kort' },
			{ werk_1: 5, organisatie_1: 5, age: 1, gap: 2.5, open_strength: '=HYPERLINK("x")', open_improve: '' }
		]);
	});
});

describe('a research data set as .sav', () => {
	it('reads back to exactly the table it was made from', async () => {
		const instrument = loadInstrument('v1');
		const teams = ['Bakkerij', 'Winkel'];
		const responses = sampleResponses(instrument, 12, 'employee', { seed: 7, teams, openTexts: ['Goed overleg.', 'Meer tijd voor uitleg, graag.'] });
		const table = respondentTable(instrument, responses, { locale: 'nl', teams, openAnswersVerbatim: true });
		const { meta, rows } = await read(respondentSav(table, 'Leerkompas'));
		expect(meta.sysvars.map((v) => v.name)).toEqual(table.variables.map((v) => v.name));
		const back = rows.map((row) => table.variables.map((v) => (row[v.name] === SYSMIS ? null : v.kind === 'string' && row[v.name] === '' ? null : row[v.name])));
		expect(back).toEqual(table.rows);
		expect(meta.getValueLabels('team')).toEqual([
			{ val: 1, label: 'Bakkerij' },
			{ val: 2, label: 'Winkel' }
		]);
		expect(meta.sysvars.find((v) => v.name === 'learn_need')?.missing).toBe(9);
		expect(meta.sysvars.find((v) => v.name === 'buitenwereld_1')?.label).toBe(instrument.items.find((i) => i.id === 'buitenwereld_1')?.text.employee.nl);
	});

	it('labels a question about a finished action as the codebook does: the scale, 9 = weet ik niet, 9 missing', async () => {
		const instrument = loadInstrument('v1');
		const actionId = '0b9e6a52-3c1d-4e8f-9a7b-2d5c8e1f4a36';
		const name = 'action_0b9e6a52_3c1d_4e8f_9a7b_2d5c8e1f4a36';
		const responses = sampleResponses(instrument, 3, 'employee', { seed: 7, teams: [] }).map((r, i) => ({ ...r, answers: { ...r.answers, [name]: [2, 9, 5][i]! } }));
		const table = respondentTable(instrument, responses, { locale: 'nl', teams: [], openAnswersVerbatim: false, followups: [{ actionId, title: 'Leerlunch' }] });
		const { meta, rows } = await read(respondentSav(table, 'Leerkompas'));
		const variable = meta.sysvars.find((v) => v.name === name);
		expect(variable).toMatchObject({ label: '‘Leerlunch’ heeft geholpen.', missing: 9 });
		expect(meta.getValueLabels(name)).toContainEqual({ val: 9, label: 'Weet ik niet' });
		expect(meta.getValueLabels(name)).toEqual(meta.getValueLabels('werk_1'));
		expect(rows.map((row) => row[name])).toEqual([2, 9, 5]);
	});
});

describe('refusals and limits', () => {
	it('refuses names SPSS cannot read, duplicates and rows of the wrong length', () => {
		const one = (name: string): SavDataset => ({ variables: [{ kind: 'numeric', name, label: '', valueLabels: [], missing: [] }], cases: [] });
		expect(() => writeSav(one('1abc'))).toThrow(SavWriteError);
		expect(() => writeSav(one('with space'))).toThrow(SavWriteError);
		expect(() => writeSav(one('x'.repeat(65)))).toThrow(SavWriteError);
		expect(() => writeSav(one('ALL'))).toThrow(SavWriteError);
		const twice: SavDataset = { variables: [...one('werk_1').variables, ...one('WERK_1').variables], cases: [] };
		expect(() => writeSav(twice)).toThrow(/used twice/);
		expect(() => writeSav({ ...one('werk_1'), cases: [[1, 2]] })).toThrow(/expected 1/);
		expect(() => writeSav({ ...one('werk_1'), cases: [['tekst']] })).toThrow(/expected a number/);
	});

	it('gives names that share their first 8 characters distinct short names', async () => {
		const names = ['organisatie_1', 'organisatie_2', 'organisatie_3', 'organisa'];
		const bytes = writeSav({ variables: names.map((name) => ({ kind: 'numeric' as const, name, label: '', valueLabels: [], missing: [] })), cases: [[1, 2, 3, 4]] });
		const { meta, rows } = await read(bytes);
		expect(meta.sysvars.map((v) => v.name)).toEqual(names);
		expect(new Set(meta.sysvars.map((v) => v.__shortName)).size).toBe(4);
		expect(rows[0]).toEqual({ organisatie_1: 1, organisatie_2: 2, organisatie_3: 3, organisa: 4 });
	});

	it('cuts text at a character boundary, never inside a multi-byte character', () => {
		expect(new TextDecoder().decode(utf8Prefix('ééé', 5))).toBe('éé');
		expect(utf8Prefix('€', 2)).toHaveLength(0);
		expect(stringWidthFor([null, 'ab', 'één'])).toBe(5);
		expect(stringWidthFor([])).toBe(1);
	});
});
