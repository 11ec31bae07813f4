import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument';
import { emptyLearning, type ScanResponse } from '../response';
import { aspectScore } from '../scoring';
import { buildReport } from './build';
import { discloseReport, shownSetsOfReport, type EarlierVersion, type IdentifiedResponse } from './disclosure';
import type { Report } from './schema';

const instrument = loadInstrument('v1');
const items = instrument.items.map((i) => i.id);

function person(id: string, base: number, background: Record<string, string>, options: { skip?: string[]; answers?: Record<string, number>; open?: string } = {}): IdentifiedResponse {
	const answers: Record<string, number | null> = {};
	items.forEach((item, i) => {
		if (!options.skip?.includes(item)) answers[item] = options.answers?.[item] ?? ((base + i) % 5) + 1;
	});
	const response: ScanResponse = { perspective: 'employee', answers, background, learning: emptyLearning, open: options.open ? { open_improve: options.open } : {} };
	return { id, response };
}

const build = (employees: readonly IdentifiedResponse[]) => {
	const input = { instrument, responses: employees.map((e) => e.response), invited: null, openAnswersVerbatim: true, teams: ['Werkplaats', 'Winkel', 'A', 'B'] };
	return { nl: buildReport({ ...input, locale: 'nl' }), en: buildReport({ ...input, locale: 'en' }) };
};
let seed = 1;
const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;

function publish(employees: readonly IdentifiedResponse[], earlier: EarlierVersion[] = []) {
	const { reports, shown } = discloseReport({ instrument, employees, reports: build(employees), earlier, random });
	earlier.push({ version: earlier.length + 1, shown, reports });
	return reports;
}

const group = (report: Report, variable: string, category: string) => report.breakdowns.find((b) => b.variable === variable)!.groups.find((g) => g.category === category)!;

describe('discloseReport: the examples of issue 10', () => {
	it('team Winkel = five of 55+ and one of 25-34 among 12: the 55+ group is hidden, in both languages', () => {
		const employees = [
			person('y1', 0, { age: '25_34', team: 'Winkel' }),
			...[1, 2, 3, 4, 5].map((i) => person(`o${i}`, i, { age: '55_plus', team: 'Winkel' })),
			...[1, 2, 3].map((i) => person(`m${i}`, i + 1, { age: '35_44', team: 'Werkplaats' })),
			...[1, 2, 3].map((i) => person(`n${i}`, i + 2, { age: '45_54', team: 'Werkplaats' }))
		];
		const built = build(employees);
		// Without disclosure control both groups show, and the subtraction gives y1's score exactly.
		expect(group(built.nl, 'age', '55_plus').n).toBe(5);
		const y1 = built.nl.aspects.map((a) => 6 * group(built.nl, 'team', 'Winkel').aspects![a.id]! - 5 * group(built.nl, 'age', '55_plus').aspects![a.id]!);
		built.nl.aspects.forEach((a, i) => expect(y1[i]).toBeCloseTo(aspectScore(instrument, employees[0]!.response, a.id)!, 9));
		const reports = publish(employees);
		for (const report of [reports.nl, reports.en]) {
			expect(group(report, 'age', '55_plus')).toMatchObject({ suppressed: true, n: null, aspects: null });
			expect(group(report, 'team', 'Winkel').n).toBe(6);
			expect(report.withheld).toContainEqual({ measure: 'respondents', group: 'age:55_plus', shownFrom: null });
		}
		expect(reports.nl.aspects.map((a) => a.employee)).toEqual(built.nl.aspects.map((a) => a.employee));
	});

	it('a group of 5 with one aspect score while the total has 6: the other group\u2019s mean of that aspect is hidden', () => {
		const werk = instrument.items.filter((i) => i.aspect === 'werk').map((i) => i.id);
		const employees = [
			person('a1', 0, { team: 'A' }),
			...[2, 3, 4, 5].map((i) => person(`a${i}`, i, { team: 'A' }, { skip: werk })),
			...[1, 2, 3, 4, 5].map((i) => person(`b${i}`, i + 1, { team: 'B' }))
		];
		const built = build(employees);
		expect(built.nl.aspects.find((a) => a.id === 'werk')!.employee.n).toBe(6);
		expect(group(built.nl, 'team', 'B').aspects!.werk).not.toBeNull();
		const { nl } = publish(employees);
		expect(group(nl, 'team', 'A').aspects!.werk).toBeNull();
		expect(group(nl, 'team', 'B').aspects!.werk).toBeNull();
		expect(group(nl, 'team', 'B').aspects!.ruimte).toEqual(group(built.nl, 'team', 'B').aspects!.ruimte);
		expect(nl.withheld).toEqual([{ measure: 'aspect:werk', group: 'team:B', shownFrom: null }]);
	});

	it('changes nothing where nothing is exposed (but the order of the open answers)', () => {
		const employees = Array.from({ length: 12 }, (_, i) => person(`r${i}`, i, { team: i < 6 ? 'A' : 'B', age: i % 2 ? '25_34' : '35_44' }));
		const built = build(employees);
		const { nl } = publish(employees);
		expect({ ...nl, open: null }).toEqual({ ...built.nl, open: null });
	});
});

describe('discloseReport across versions', () => {
	const five = [1, 2, 3, 4, 5].map((i) => person(`v1-${i}`, i, { team: 'A' }, { open: `eerste ${i}` }));

	it('shows the earlier figure of an item that only two newcomers answered, and says from which version', () => {
		const earlier: EarlierVersion[] = [];
		const v1 = publish(five, earlier);
		const newcomers = [
			...[1, 2, 3].map((i) => person(`v2-${i}`, i, { team: 'A' }, { skip: ['werk_1'] })),
			person('v2-4', 4, { team: 'A' }, { answers: { werk_1: 1 } }),
			person('v2-5', 5, { team: 'A' }, { answers: { werk_1: 5 } })
		];
		const v2 = publish([...five, ...newcomers], earlier);
		const werk1 = (r: Report) => r.items.find((i) => i.id === 'werk_1')!;
		expect(werk1(v2.nl).employee).toEqual(werk1(v1.nl).employee);
		expect(v2.nl.withheld).toContainEqual({ measure: 'item:werk_1', group: null, shownFrom: 1 });
		// Other items grew by 5 and show the new figures.
		expect(v2.nl.items.find((i) => i.id === 'werk_2')!.employee.n).toBe(10);
		// A third version that is again five more still compares with version 1 for werk_1: it grew by 7 now.
		const v3 = publish([...five, ...newcomers, ...[1, 2, 3, 4, 5].map((i) => person(`v3-${i}`, i, { team: 'A' }))], earlier);
		expect(werk1(v3.nl).employee.n).toBe(12);
		expect(v3.nl.withheld).toEqual([]);
	});

	it('keeps the list of open answers until k new ones came, in a new order, the same in both languages', () => {
		const earlier: EarlierVersion[] = [];
		const v1 = publish(five, earlier);
		const list = (r: Report) => r.open.questions.find((q) => q.id === 'open_improve')!;
		expect([...list(v1.nl).answers!].sort()).toEqual(five.map((_, i) => `eerste ${i + 1}`));
		expect(list(v1.en).answers).toEqual(list(v1.nl).answers);
		const three = [1, 2, 3, 4, 5].map((i) => person(`v2-${i}`, i, { team: 'A' }, i <= 3 ? { open: `tweede ${i}` } : {}));
		const v2 = publish([...five, ...three], earlier);
		expect(list(v2.nl)).toEqual(list(v1.nl));
		const more = [1, 2, 3, 4, 5].map((i) => person(`v3-${i}`, i, { team: 'A' }, { open: `derde ${i}` }));
		const v3 = publish([...five, ...three, ...more], earlier);
		expect(list(v3.nl).answers).toHaveLength(13);
		expect(list(v3.nl).n).toBe(13);
	});

	it('works out what an old version showed from its report, as stored before shown sets were kept', () => {
		const earlier: EarlierVersion[] = [];
		publish(five, earlier);
		expect(shownSetsOfReport(instrument, five, earlier[0]!.reports.nl)).toEqual(earlier[0]!.shown);
	});
});
