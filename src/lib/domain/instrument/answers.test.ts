import { describe, expect, it } from 'vitest';
import { loadInstrument, parseFlatResponse, parseResponseAnswers, type ResponseParseResult } from './index';

const instrument = loadInstrument('v1');
const employee = { perspective: 'employee' as const, teams: ['Winkel', 'Bakkerij'] };

function issuesOf(result: ResponseParseResult): { code: string; variable: string | null }[] {
	if (result.ok) throw new Error('expected issues');
	return result.issues.map(({ code, variable }) => ({ code, variable }));
}

describe('responseAnswersSchema', () => {
	it('accepts a partly filled response and fills in every key', () => {
		const result = parseResponseAnswers(
			instrument,
			{
				answers: { werk_1: 4, werk_2: 9, werk_3: null },
				background: { age: '25_34', team: 'Bakkerij' },
				learning: { formal: false, informal: true, need: 5, barriers: ['cost', 'no_time', 'cost'] },
				open: { open_strength: '  Goede collega\u2019s  ', open_improve: '   ' }
			},
			employee
		);
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		const response = result.response;
		expect(response.perspective).toBe('employee');
		expect(response.answers.werk_1).toBe(4);
		expect(response.answers.werk_2).toBe(9);
		expect(response.answers.buitenwereld_5).toBeNull();
		expect(Object.keys(response.answers)).toHaveLength(31);
		expect(response.background).toEqual({ age: '25_34', work_type: null, tenure: null, team: 'Bakkerij' });
		expect(response.learning).toEqual({
			formal: false,
			nonFormal: null,
			informal: true,
			need: 5,
			intention: null,
			barriers: ['no_time', 'cost']
		});
		expect(response.open).toEqual({ open_strength: 'Goede collega\u2019s', open_improve: null });
	});

	it('accepts an empty response: every question is optional', () => {
		expect(parseResponseAnswers(instrument, {}, employee).ok).toBe(true);
	});

	it.each([0, 6, 3.5, -1, 10])('rejects the answer %s as out of range', (value) => {
		expect(issuesOf(parseResponseAnswers(instrument, { answers: { werk_1: value } }, employee))).toEqual([
			{ code: 'answer_out_of_range', variable: 'werk_1' }
		]);
	});

	it('rejects text where a number belongs', () => {
		expect(issuesOf(parseResponseAnswers(instrument, { answers: { werk_1: '4' } }, employee))).toEqual([
			{ code: 'invalid_type', variable: 'werk_1' }
		]);
	});

	it('rejects unknown items, sections and fields', () => {
		const issues = issuesOf(
			parseResponseAnswers(
				instrument,
				{ answers: { werk_9: 3 }, extra: 1, learning: { nonsense: true } },
				employee
			)
		);
		expect(issues).toContainEqual({ code: 'unknown_key', variable: 'werk_9' });
		expect(issues).toContainEqual({ code: 'unknown_key', variable: 'extra' });
		expect(issues).toContainEqual({ code: 'unknown_key', variable: 'nonsense' });
		expect(issues).toHaveLength(3);
	});

	it('accepts only categories from the list, and teams only from the round', () => {
		expect(
			issuesOf(parseResponseAnswers(instrument, { background: { age: '30', team: 'Kantoor' } }, employee))
		).toEqual([
			{ code: 'unknown_category', variable: 'age' },
			{ code: 'unknown_category', variable: 'team' }
		]);
		expect(
			issuesOf(parseResponseAnswers(instrument, { background: { team: 'Winkel' } }, { perspective: 'employee' }))
		).toEqual([{ code: 'unknown_category', variable: 'team' }]);
	});

	it('rejects an unknown barrier', () => {
		expect(
			issuesOf(parseResponseAnswers(instrument, { learning: { barriers: ['lazy'] } }, employee))
		).toEqual([{ code: 'unknown_option', variable: 'barriers' }]);
	});

	it('allows open answers of 2000 characters, counting an emoji as one, and not 2001', () => {
		const at = '\u{1F600}'.repeat(2000);
		expect(parseResponseAnswers(instrument, { open: { open_improve: at } }, employee).ok).toBe(true);
		expect(
			issuesOf(parseResponseAnswers(instrument, { open: { open_improve: `${at}a` } }, employee))
		).toEqual([{ code: 'open_too_long', variable: 'open_improve' }]);
	});

	it('does not ask the owner background or learning questions', () => {
		const owner = { perspective: 'owner' as const };
		expect(
			issuesOf(
				parseResponseAnswers(
					instrument,
					{ background: { age: '25_34' }, learning: { need: 4 } },
					owner
				)
			)
		).toEqual([
			{ code: 'not_asked', variable: 'age' },
			{ code: 'not_asked', variable: 'learn_need' }
		]);
		const ok = parseResponseAnswers(instrument, { answers: { werk_1: 2 }, open: { open_strength: 'Veel' } }, owner);
		expect(ok.ok && ok.response.perspective).toBe('owner');
	});
});

describe('parseFlatResponse (form posts and CSV rows)', () => {
	it('reads codebook columns, category codes and barrier columns', () => {
		const result = parseFlatResponse(
			instrument,
			{
				perspective: 'employee',
				werk_1: '5',
				werk_2: '9',
				werk_3: '',
				age: '3',
				work_type: 'office',
				team: '2',
				learn_formal: '1',
				learn_nonformal: '2',
				learn_informal: 'ja',
				learn_need: '4',
				barrier_cost: '1',
				barrier_no_time: '0',
				barriers: 'other',
				open_strength: 'Samen'
			},
			employee
		);
		if (!result.ok) throw new Error(JSON.stringify(result.issues));
		expect(result.response.answers).toMatchObject({ werk_1: 5, werk_2: 9, werk_3: null });
		expect(result.response.background).toEqual({
			age: '35_44',
			work_type: 'office',
			tenure: null,
			team: 'Bakkerij'
		});
		expect(result.response.learning).toMatchObject({
			formal: true,
			nonFormal: false,
			informal: true,
			need: 4,
			barriers: ['cost', 'other']
		});
		expect(result.response.open.open_strength).toBe('Samen');
	});

	it('takes checkbox values as a list', () => {
		const result = parseFlatResponse(instrument, { barriers: ['no_time', 'not_needed'] }, employee);
		expect(result.ok && result.response.learning.barriers).toEqual(['no_time', 'not_needed']);
	});

	it('names the column of every problem', () => {
		expect(
			issuesOf(
				parseFlatResponse(
					instrument,
					{ werk_1: '7', werk_2: 'vier', age: 'oud', learn_formal: 'misschien', colour: 'blue' },
					employee
				)
			)
		).toEqual([
			{ code: 'answer_out_of_range', variable: 'werk_1' },
			{ code: 'invalid_type', variable: 'werk_2' },
			{ code: 'unknown_category', variable: 'age' },
			{ code: 'unknown_category', variable: 'learn_formal' },
			{ code: 'unknown_key', variable: 'colour' }
		]);
	});

	it('lets an owner row leave the employee-only columns empty', () => {
		const result = parseFlatResponse(
			instrument,
			{ perspective: 'owner', werk_1: '3', age: '', learn_formal: '', barrier_cost: '' },
			{ perspective: 'owner' }
		);
		expect(result.ok).toBe(true);
	});
});
