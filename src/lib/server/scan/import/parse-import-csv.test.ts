import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../../domain/instrument/load';
import { MAX_IMPORT_ROWS, parseImportCsv, type ImportProblem, type ParseImportResult } from './parse-import-csv';

const instrument = loadInstrument('v1');

const goodFile = [
	'perspective,werk_1,werk_2,werk_5,age,team,learn_formal,learn_need,barriers,open_strength',
	'employee,4,5,2,25_34,Winkel,1,4,no_time cost,Fijne collega’s',
	'employee,3,9,,under_25,Bakkerij,nee,,,"Veel geleerd, ook van ""fouten"""',
	'owner,5,4,1,,,,,,Wij leren veel'
].join('\n');

function problemsOf(result: ParseImportResult): ImportProblem[] {
	if (result.ok) throw new Error('expected problems');
	return result.problems;
}

function responsesOf(result: ParseImportResult) {
	if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
	return result.responses;
}

describe('parseImportCsv: good files', () => {
	it('reads every row into a complete response', () => {
		const result = parseImportCsv(goodFile, instrument);
		const responses = responsesOf(result);
		expect(responses).toHaveLength(3);
		const [first, second, owner] = responses;
		expect(first!.perspective).toBe('employee');
		expect(first!.answers.werk_1).toBe(4);
		expect(first!.answers.werk_5).toBe(2);
		expect(first!.answers.samen_1).toBeNull();
		expect(first!.background).toEqual({ age: '25_34', work_type: null, tenure: null, team: 'Winkel' });
		expect(first!.learning.formal).toBe(true);
		expect(first!.learning.need).toBe(4);
		expect(first!.learning.barriers).toEqual(['no_time', 'cost']);
		expect(first!.open.open_strength).toBe('Fijne collega’s');
		// "weet ik niet" keeps its code, which every measure counts as missing; an empty cell is null
		expect(second!.answers.werk_2).toBe(9);
		expect(second!.answers.werk_5).toBeNull();
		expect(second!.learning.formal).toBe(false);
		expect(second!.open.open_strength).toBe('Veel geleerd, ook van "fouten"');
		expect(owner!.perspective).toBe('owner');
		expect(owner!.background.age).toBeNull();
		if (result.ok) expect(result.teams).toEqual(['Winkel', 'Bakkerij']);
	});

	it('reads semicolon-separated files, as Dutch spreadsheets save them', () => {
		const responses = responsesOf(parseImportCsv(goodFile.replace(/,/g, ';').replace('Veel geleerd; ook', 'Veel geleerd, ook'), instrument));
		expect(responses).toHaveLength(3);
		expect(responses[0]!.answers.werk_2).toBe(5);
		expect(responses[1]!.open.open_strength).toBe('Veel geleerd, ook van "fouten"');
	});

	it('reads a short semicolon file that ends in an empty line', () => {
		expect(problemsOf(parseImportCsv('perspective;werk_1\nemployee;7\n', instrument))).toEqual([{ row: 2, column: 'werk_1', code: 'answer_out_of_range' }]);
		expect(responsesOf(parseImportCsv('perspective;werk_1\r\nowner;4\r\n', instrument))[0]!.answers.werk_1).toBe(4);
	});

	it('reads a file that starts with a byte order mark and has Windows line ends', () => {
		const responses = responsesOf(parseImportCsv(`\uFEFF${goodFile.replace(/\n/g, '\r\n')}\r\n`, instrument));
		expect(responses).toHaveLength(3);
		expect(responses[2]!.perspective).toBe('owner');
	});

	it('accepts header names in capitals, empty lines and rows that stop early', () => {
		const responses = responsesOf(parseImportCsv('PERSPECTIVE,Werk_1,werk_2\n\nemployee,3\n\nowner,2,4\n', instrument));
		expect(responses.map((r) => [r.perspective, r.answers.werk_1, r.answers.werk_2])).toEqual([
			['employee', 3, null],
			['owner', 2, 4]
		]);
	});

	it('uses the round’s own team list when the round exists', () => {
		const csv = 'perspective,team\nemployee,Kantoor\nemployee,2';
		const responses = responsesOf(parseImportCsv(csv, instrument, { teams: ['Werkplaats', 'Kantoor'] }));
		expect(responses.map((r) => r.background.team)).toEqual(['Kantoor', 'Kantoor']);
	});
});

describe('parseImportCsv: bad files store nothing and say where', () => {
	it('an empty file', () => {
		expect(problemsOf(parseImportCsv('', instrument))).toEqual([{ row: null, column: null, code: 'empty_file' }]);
		expect(problemsOf(parseImportCsv('\uFEFF  \n\n', instrument))).toEqual([{ row: null, column: null, code: 'empty_file' }]);
	});

	it('a header without rows', () => {
		expect(problemsOf(parseImportCsv('perspective,werk_1\n', instrument))).toEqual([{ row: null, column: null, code: 'no_rows' }]);
	});

	it('an unknown column, while still checking the rows', () => {
		const problems = problemsOf(parseImportCsv('perspective,werk_1,naam\nemployee,7,Piet\nemployee,3,Kees', instrument));
		expect(problems).toEqual([
			{ row: 1, column: 'naam', code: 'unknown_column' },
			{ row: 2, column: 'werk_1', code: 'answer_out_of_range' }
		]);
	});

	it('a missing perspective column, and a column given twice', () => {
		expect(problemsOf(parseImportCsv('werk_1,werk_1\n3,4', instrument))).toEqual([
			{ row: 1, column: 'werk_1', code: 'duplicate_column' },
			{ row: 1, column: 'perspective', code: 'missing_perspective' }
		]);
	});

	it('a value out of range, text where a number belongs, in every row it happens', () => {
		const problems = problemsOf(parseImportCsv('perspective,werk_1,werk_2\nemployee,6,3\nemployee,3,0\nemployee,drie,2', instrument));
		expect(problems).toEqual([
			{ row: 2, column: 'werk_1', code: 'answer_out_of_range' },
			{ row: 3, column: 'werk_2', code: 'answer_out_of_range' },
			{ row: 4, column: 'werk_1', code: 'invalid_type' }
		]);
	});

	it('a bad perspective', () => {
		expect(problemsOf(parseImportCsv('perspective,werk_1\nbaas,3\n,4\nemployee,5', instrument))).toEqual([
			{ row: 2, column: 'perspective', code: 'bad_perspective' },
			{ row: 3, column: 'perspective', code: 'bad_perspective' }
		]);
	});

	it('a category that is not in the codebook, or a team not in the round', () => {
		const problems = problemsOf(
			parseImportCsv('perspective,age,work_type,team\nemployee,30,office,Kantoor\nemployee,25_34,buiten,Winkel', instrument, { teams: ['Winkel'] })
		);
		expect(problems).toEqual([
			{ row: 2, column: 'age', code: 'unknown_category' },
			{ row: 2, column: 'team', code: 'unknown_category' },
			{ row: 3, column: 'work_type', code: 'unknown_category' }
		]);
	});

	it('background questions filled in for the owner, who is not asked them', () => {
		expect(problemsOf(parseImportCsv('perspective,age\nowner,25_34', instrument))).toEqual([{ row: 2, column: 'age', code: 'not_asked' }]);
	});

	it('an open answer over 2,000 characters', () => {
		const long = 'a'.repeat(2001);
		expect(problemsOf(parseImportCsv(`perspective,open_improve\nemployee,${'b'.repeat(2000)}\nemployee,${long}`, instrument))).toEqual([
			{ row: 3, column: 'open_improve', code: 'open_too_long' }
		]);
	});

	it('a row with more cells than the header', () => {
		expect(problemsOf(parseImportCsv('perspective,werk_1\nemployee,3,4', instrument))).toEqual([{ row: 2, column: null, code: 'too_many_cells' }]);
	});

	it('counts rows the way a spreadsheet does, also after empty lines', () => {
		expect(problemsOf(parseImportCsv('perspective,werk_1\n\nemployee,8', instrument))).toEqual([{ row: 3, column: 'werk_1', code: 'answer_out_of_range' }]);
	});

	it('more teams than a round can have, when the import makes the round', () => {
		const rows = Array.from({ length: 21 }, (_, i) => `employee,Team ${i + 1}`).join('\n');
		expect(problemsOf(parseImportCsv(`perspective,team\n${rows}`, instrument))).toEqual([{ row: null, column: 'team', code: 'too_many_teams' }]);
	});

	it('too many rows', () => {
		const rows = 'employee,3\n'.repeat(MAX_IMPORT_ROWS + 1);
		expect(problemsOf(parseImportCsv(`perspective,werk_1\n${rows}`, instrument))).toEqual([{ row: null, column: null, code: 'too_many_rows' }]);
	});
});
