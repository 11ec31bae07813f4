import { describe, expect, it } from 'vitest';
import { loadInstrument, parseFlatResponse } from '../instrument';
import { emptyLearning, type ScanResponse } from '../response';
import { buildReport } from '../report/build';
import { discloseReport, type EarlierVersion, type IdentifiedResponse } from '../report/disclosure';
import { chooseFollowups, followupsOfRound, followupVariable, MAX_FOLLOWUPS, type FollowupQuestion } from './followup';

const instrument = loadInstrument('v1');
const actionId = '0b4c1d7e-1111-4222-8333-944455556666';
const question: FollowupQuestion = { actionId, title: 'Meester-gezel in de werkplaats' };
const variable = followupVariable(actionId);

function person(id: string, followup: number | null, base = 3): IdentifiedResponse {
	const answers: Record<string, number | null> = Object.fromEntries(instrument.items.map((item, i) => [item.id, ((base + i) % 5) + 1]));
	answers[variable] = followup;
	const response: ScanResponse = { perspective: 'employee', answers, background: {}, learning: emptyLearning, open: {} };
	return { id, response };
}

const build = (employees: readonly IdentifiedResponse[]) => {
	const input = { instrument, responses: employees.map((e) => e.response), invited: null, openAnswersVerbatim: false, followups: [question] };
	return { nl: buildReport({ ...input, locale: 'nl' }), en: buildReport({ ...input, locale: 'en' }) };
};

function publish(employees: readonly IdentifiedResponse[], earlier: EarlierVersion[]) {
	const { reports, shown } = discloseReport({ instrument, employees, reports: build(employees), earlier, random: () => 0.5 });
	earlier.push({ version: earlier.length + 1, shown, reports });
	return reports;
}

describe('the codebook variable of a question about an action', () => {
	it('is action_ and the id with underscores, a valid SPSS name', () => {
		expect(variable).toBe('action_0b4c1d7e_1111_4222_8333_944455556666');
		expect(variable).toMatch(/^[A-Za-z][A-Za-z0-9_.@#$]{0,63}$/);
	});
});

describe('chooseFollowups', () => {
	const offered = [
		{ id: actionId, title: '  Meester-gezel  ' },
		{ id: '1b4c1d7e-1111-4222-8333-944455556666', title: 'Leerambassadeur' }
	];
	it('keeps the titles as they are now, in the order of the plan', () => {
		expect(chooseFollowups(offered, ['1B4C1D7E-1111-4222-8333-944455556666', actionId])).toEqual({
			ok: true,
			questions: [
				{ actionId, title: 'Meester-gezel' },
				{ actionId: '1b4c1d7e-1111-4222-8333-944455556666', title: 'Leerambassadeur' }
			]
		});
	});
	it('refuses an action that is not offered (not finished, asked before, or another firm\u2019s) and too many', () => {
		expect(chooseFollowups(offered, ['2b4c1d7e-1111-4222-8333-944455556666'])).toEqual({ ok: false, code: 'invalid' });
		const many = Array.from({ length: MAX_FOLLOWUPS + 1 }, (_, i) => `${i}b4c1d7e-1111-4222-8333-944455556666`);
		expect(chooseFollowups(offered, many)).toEqual({ ok: false, code: 'too_many' });
	});
	it('reads a stored list leniently', () => {
		expect(followupsOfRound([question])).toEqual([question]);
		expect(followupsOfRound('nonsense')).toEqual([]);
	});
});

describe('answers to the question', () => {
	const employee = { perspective: 'employee' as const, followups: [variable] };
	it('are accepted on the statement scale with "weet ik niet", only for the round\u2019s own questions', () => {
		const ok = parseFlatResponse(instrument, { werk_1: '4', [variable]: '9' }, employee);
		expect(ok.ok && ok.response.answers[variable]).toBe(9);
		expect(parseFlatResponse(instrument, { [variable]: '6' }, employee)).toMatchObject({ ok: false, issues: [{ variable, code: 'answer_out_of_range' }] });
		// Another round's question, or a round without any: an unknown key.
		expect(parseFlatResponse(instrument, { [variable]: '4' }, { perspective: 'employee' })).toMatchObject({ ok: false, issues: [{ variable, code: 'unknown_key' }] });
		// The owner is not asked.
		expect(parseFlatResponse(instrument, { [variable]: '4' }, { perspective: 'owner', followups: [variable] })).toMatchObject({ ok: false });
	});
});

describe('the report of the question', () => {
	it('shows n, mean, favourable and the distribution from k opinions; "weet ik niet" does not count', () => {
		const employees = [5, 4, 4, 2, 3, 9].map((answer, i) => person(`p${i}`, answer));
		const [figure] = build(employees).nl.followups;
		expect(figure).toMatchObject({ id: variable, actionId, title: question.title });
		expect(figure!.employee).toMatchObject({ n: 5, mean: 3.6, favourable: 0.6, distribution: { '1': 0, '2': 1, '3': 1, '4': 2, '5': 1, '9': 1 } });
	});

	it('shows nothing, not even n, with fewer than k opinions', () => {
		const employees = [5, 4, 4, 2, 9, 9, null].map((answer, i) => person(`p${i}`, answer));
		const [figure] = build(employees).nl.followups;
		expect(figure!.employee).toEqual({ n: null, mean: null, sd: null, favourable: null, distribution: null });
	});

	it('a new version that adds one opinion is hidden, so no one can subtract the two versions', () => {
		const earlier: EarlierVersion[] = [];
		const first = [5, 4, 4, 2, 3].map((answer, i) => person(`a${i}`, answer));
		expect(publish(first, earlier).nl.followups[0]!.employee.n).toBe(5);
		// Five more employees, of whom only one answers the question: the difference would be that one answer.
		const second = [...first, person('b0', 1), ...[1, 2, 3, 4].map((i) => person(`b${i}`, null))];
		const reports = publish(second, earlier);
		for (const report of [reports.nl, reports.en]) {
			expect(report.withheld).toContainEqual({ measure: `followup:${variable}`, group: null, shownFrom: 1 });
			// The figure of version 1 stays in its place.
			expect(report.followups[0]!.employee).toEqual(earlier[0]!.reports[report.locale].followups[0]!.employee);
		}
	});

	it('a new version with k more opinions shows its own figure', () => {
		const earlier: EarlierVersion[] = [];
		const first = [5, 4, 4, 2, 3].map((answer, i) => person(`a${i}`, answer));
		publish(first, earlier);
		const report = publish([...first, ...[1, 2, 3, 4, 5].map((answer, i) => person(`b${i}`, answer))], earlier).nl;
		expect(report.withheld).toEqual([]);
		expect(report.followups[0]!.employee.n).toBe(10);
	});
});
