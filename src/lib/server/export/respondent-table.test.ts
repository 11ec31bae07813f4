import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../domain/instrument';
import { emptyLearning, type ScanResponse } from '../../domain/response';
import { respondentTable, shuffle } from './respondent-table';

const instrument = loadInstrument('v1');
const teams = ['Bakkerij', 'Winkel'];

const response: ScanResponse = {
	perspective: 'employee',
	answers: { werk_1: 4, werk_2: 9, werk_5: 2, ruimte_1: null },
	background: { age: '25_34', work_type: 'office', tenure: null, team: 'Winkel' },
	learning: { ...emptyLearning, formal: true, nonFormal: false, need: 9, intention: 5, barriers: ['no_time', 'cost'] },
	open: { open_strength: '=HYPERLINK("x")', open_improve: '   ' }
};

describe('the statements (first columns)', () => {
	const table = respondentTable(instrument, [response], { locale: 'nl', teams, openAnswersVerbatim: true });

	it('come first, in codebook order', () => {
		expect(table.variables.slice(0, instrument.items.length).map((v) => v.name)).toEqual(instrument.items.map((i) => i.id));
	});

	it('keeps answers as given: 9 stays 9 (declared missing), skipped is empty, reverse-keyed not recoded', () => {
		const row = Object.fromEntries(table.variables.map((v, i) => [v.name, table.rows[0]![i]]));
		expect(row).toMatchObject({ werk_1: 4, werk_2: 9, werk_5: 2, ruimte_1: null, samen_1: null });
		expect(table.variables[0]).toMatchObject({ kind: 'numeric', missing: [9], label: instrument.items[0]!.text.employee.nl });
		expect(table.variables[0]!.valueLabels).toContainEqual({ value: 9, label: 'Weet ik niet' });
	});
});

describe('research level (with a data agreement)', () => {
	const row = (openAnswersVerbatim: boolean, locale: 'nl' | 'en' = 'nl') => {
		const table = respondentTable(instrument, [response], { locale, teams, openAnswersVerbatim });
		return { table, values: Object.fromEntries(table.variables.map((v, i) => [v.name, table.rows[0]![i]])) };
	};

	it('adds background as codebook codes, the team by its place in the round’s list', () => {
		const { values, table } = row(false);
		expect(values).toMatchObject({ age: 2, work_type: 2, tenure: null, team: 2 });
		expect(table.variables.find((v) => v.name === 'team')?.valueLabels).toEqual([
			{ value: 1, label: 'Bakkerij' },
			{ value: 2, label: 'Winkel' }
		]);
	});

	it('adds learning: yes/no codes, scales with 9 missing, one 0/1 column per barrier', () => {
		const { values, table } = row(false);
		expect(values).toMatchObject({ learn_formal: 1, learn_nonformal: 2, learn_informal: null, learn_need: 9, learn_intention: 5 });
		expect(values).toMatchObject({ barrier_no_time: 1, barrier_cost: 1, barrier_unknown_offer: 0 });
		expect(table.variables.find((v) => v.name === 'learn_need')?.missing).toEqual([9]);
	});

	it('has open answers only when respondents were told they are shown word for word', () => {
		expect(row(false).table.variables.some((v) => v.kind === 'string')).toBe(false);
		const { values } = row(true);
		expect(values.open_strength).toBe('=HYPERLINK("x")');
		expect(values.open_improve).toBeNull();
	});

	it('adds the survey language as a code with value labels, empty when not known', () => {
		const given = respondentTable(instrument, [{ ...response, language: 'ar' }, response], { locale: 'nl', teams, openAnswersVerbatim: false });
		const column = given.variables.findIndex((v) => v.name === 'language');
		expect(given.rows.map((r) => r[column])).toEqual([5, null]);
		expect(given.variables[column]!.valueLabels).toContainEqual({ value: 5, label: 'Arabisch' });
		expect(given.variables[column]!.label).toBe('Taal waarin de vragenlijst is ingevuld');
	});

	it('labels in the chosen language', () => {
		expect(row(false, 'en').table.variables[0]!.label).toBe(instrument.items[0]!.text.employee.en);
	});
});

describe('shuffle', () => {
	it('returns the same rows in the order the random source picks', () => {
		const items = [1, 2, 3, 4, 5];
		// Always swapping with the first position rotates the list: a fixed, checkable permutation.
		expect(shuffle(items, () => 0)).toEqual([2, 3, 4, 5, 1]);
		expect(shuffle(items, (n) => n - 1)).toEqual(items);
		expect(items).toEqual([1, 2, 3, 4, 5]);
		const random = shuffle(Array.from({ length: 50 }, (_, i) => i), (n) => Math.floor(Math.random() * n));
		expect([...random].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
	});
});

describe('questions about finished actions (action_<id>)', () => {
	const actionId = '0b9e6a52-3c1d-4e8f-9a7b-2d5c8e1f4a36';
	const name = 'action_0b9e6a52_3c1d_4e8f_9a7b_2d5c8e1f4a36';
	const answered = (value: unknown): ScanResponse => ({ ...response, answers: { ...response.answers, [name]: value } as ScanResponse['answers'] });
	const table = (locale: 'nl' | 'en') =>
		respondentTable(instrument, [answered(4), answered(9), answered(7)], { locale, teams, openAnswersVerbatim: false, followups: [{ actionId, title: 'Leerlunch' }] });

	it('follow the statements, described by the codebook’s rule for them: the scale’s labels, 9 = weet ik niet, 9 missing', () => {
		const { variables, rows } = table('nl');
		const index = instrument.items.length;
		expect(variables[index]).toEqual({
			name,
			kind: 'numeric',
			label: '‘Leerlunch’ heeft geholpen.',
			valueLabels: [
				{ value: 1, label: 'Helemaal oneens' },
				{ value: 2, label: 'Oneens' },
				{ value: 3, label: 'Niet eens, niet oneens' },
				{ value: 4, label: 'Eens' },
				{ value: 5, label: 'Helemaal eens' },
				{ value: 9, label: 'Weet ik niet' }
			],
			missing: [9]
		});
		// a value off the scale is no answer
		expect(rows.map((row) => row[index])).toEqual([4, 9, null]);
	});

	it('are labelled in the export’s language', () => {
		const variable = table('en').variables.find((v) => v.name === name)!;
		expect(variable.label).toBe('‘Leerlunch’ has helped.');
		expect(variable.valueLabels).toContainEqual({ value: 9, label: "Don't know" });
	});
});
