import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument/load';
import type { ScanResponse } from '../response';
import { buildReport } from './build';
import { roundChange } from './change';
import { reportSchema, type Report } from './schema';

const instrument = loadInstrument('v1');

/** An employee whose werk items all score `werk` (werk_5 is reverse-keyed) and, if given, whose ruimte items all score `ruimte`. */
function employee(werk: number, ruimte?: number): ScanResponse {
	const answers: Record<string, number> = { werk_1: werk, werk_2: werk, werk_3: werk, werk_4: werk, werk_5: 6 - werk };
	if (ruimte !== undefined) {
		for (const id of ['ruimte_1', 'ruimte_2', 'ruimte_3', 'ruimte_5', 'ruimte_6']) answers[id] = ruimte;
		answers.ruimte_4 = 6 - ruimte;
	}
	return {
		perspective: 'employee',
		answers,
		background: {},
		learning: { formal: null, nonFormal: null, informal: null, need: null, intention: null, barriers: [] },
		open: {}
	};
}

function report(responses: ScanResponse[], threshold = 5): Report {
	return buildReport({ instrument, responses, threshold, invited: null, openAnswersVerbatim: false, locale: 'nl' });
}

const aspectOf = (change: ReturnType<typeof roundChange>, id: string) => change?.aspects.find((a) => a.id === id);

describe('roundChange', () => {
	it('matches a worked example: Welch interval, its degrees of freedom and Cohen\u2019s d with the pooled SD', () => {
		// before 1,2,3,2,2: mean 2, SD sqrt(0.5). after 3,4,5,4,4: mean 4, SD sqrt(0.5).
		// difference 2; se = sqrt(0.5/5 + 0.5/5) = sqrt(0.2);
		// df = 0.2^2 / ((0.1^2)/4 + (0.1^2)/4) = 0.04 / 0.005 = 8; t(0.975, 8) = 2.306004;
		// interval 2 -/+ 2.306004 * 0.447214 = [0.9687, 3.0313];
		// pooled SD = sqrt((4 * 0.5 + 4 * 0.5) / 8) = sqrt(0.5); d = 2 / 0.707107 = 2.8284.
		const before = report([1, 2, 3, 2, 2].map((w) => employee(w)));
		const after = report([3, 4, 5, 4, 4].map((w) => employee(w)));
		const change = roundChange(after, { name: 'Voorjaar', report: before });
		expect(change?.against).toEqual({ round: 'Voorjaar', employees: 5 });
		const werk = aspectOf(change, 'werk');
		expect(werk?.before).toEqual({ n: 5, mean: 2 });
		expect(werk?.after).toEqual({ n: 5, mean: 4 });
		expect(werk?.difference).toBeCloseTo(2, 12);
		expect(werk?.ci95?.[0]).toBeCloseTo(2 - 2.306004135204 * Math.sqrt(0.2), 8);
		expect(werk?.ci95?.[1]).toBeCloseTo(2 + 2.306004135204 * Math.sqrt(0.2), 8);
		expect(werk?.ci95?.[0]).toBeCloseTo(0.9687, 4);
		expect(werk?.d).toBeCloseTo(2 / Math.sqrt(0.5), 10);
		// The JSON Schema holds for the filled-in field too.
		expect(() => reportSchema.parse({ ...after, change })).not.toThrow();
	});

	it('lists all six aspects, with nulls where an aspect has no scores', () => {
		const change = roundChange(report([3, 4, 5, 4, 4].map((w) => employee(w))), { name: 'A', report: report([1, 2, 3, 2, 2].map((w) => employee(w))) });
		expect(change?.aspects.map((a) => a.id)).toEqual(instrument.aspects.map((a) => a.id));
		expect(aspectOf(change, 'samen')).toEqual({ id: 'samen', before: null, after: null, difference: null, ci95: null, d: null });
	});

	it('is null when the earlier round has no employee figures (under k)', () => {
		const before = report([1, 2, 3, 2].map((w) => employee(w)));
		expect(before.employeeFigures).toBe(false);
		expect(roundChange(report([3, 4, 5, 4, 4].map((w) => employee(w))), { name: 'A', report: before })).toBeNull();
		expect(roundChange(report([3, 4, 5, 4, 4].map((w) => employee(w))), null)).toBeNull();
	});

	it('shows no aspect when this round is under k, though the earlier round is named', () => {
		const change = roundChange(report([3, 4, 5, 4].map((w) => employee(w))), { name: 'A', report: report([1, 2, 3, 2, 2].map((w) => employee(w))) });
		expect(change?.against).toEqual({ round: 'A', employees: 5 });
		expect(change?.aspects.every((a) => a.before === null && a.after === null && a.difference === null && a.ci95 === null && a.d === null)).toBe(true);
	});

	it('leaves out one aspect with fewer than k scores in one round, and keeps the others', () => {
		// ruimte: five scores before, four after (the fifth person skipped its statements).
		const before = report([1, 2, 3, 2, 2].map((w) => employee(w, 3)));
		const after = report([3, 4, 5, 4].map((w) => employee(w, 4)).concat(employee(4)));
		expect(after.aspects.find((a) => a.id === 'ruimte')?.employee.n).toBe(4);
		const change = roundChange(after, { name: 'A', report: before });
		expect(aspectOf(change, 'ruimte')?.difference).toBeNull();
		expect(aspectOf(change, 'ruimte')?.before).toBeNull();
		expect(aspectOf(change, 'werk')?.difference).toBeCloseTo(2, 12);
	});

	it('uses the larger k of the two rounds', () => {
		// Six scores each: enough under k = 5, not under k = 7.
		const six = [1, 2, 3, 2, 2, 2].map((w) => employee(w));
		const sixAfter = [3, 4, 5, 4, 4, 4].map((w) => employee(w));
		expect(aspectOf(roundChange(report(sixAfter, 5), { name: 'A', report: report(six, 5) }), 'werk')?.difference).not.toBeNull();
		const strict = { ...report(six, 5), threshold: 7 };
		expect(aspectOf(roundChange(report(sixAfter, 5), { name: 'A', report: strict }), 'werk')?.difference).toBeNull();
	});

	it('does not compare an aspect that either version withholds (it would mix figures of different versions)', () => {
		const before = report([1, 2, 3, 2, 2].map((w) => employee(w)));
		const after = report([3, 4, 5, 4, 4].map((w) => employee(w)));
		const withheld: Report = { ...before, withheld: [{ measure: 'aspect:werk', group: null, shownFrom: 1 }] };
		expect(aspectOf(roundChange(after, { name: 'A', report: withheld }), 'werk')?.difference).toBeNull();
		expect(aspectOf(roundChange({ ...after, withheld: withheld.withheld }, { name: 'A', report: before }), 'werk')?.difference).toBeNull();
		// A hidden group within a breakdown says nothing against the total.
		const groupHidden: Report = { ...before, withheld: [{ measure: 'aspect:werk', group: 'team:a', shownFrom: null }] };
		expect(aspectOf(roundChange(after, { name: 'A', report: groupHidden }), 'werk')?.difference).not.toBeNull();
	});

	it('rests only on what the two reports show: a change cannot expose fewer than k people', () => {
		// The same five people answer twice and one person joins: 6 x mean(after) - 5 x mean(before) would be that
		// person's score if the people were known to be the same. That sum already follows from the two published
		// reports (n and mean of each); the change adds only functions of those figures (difference, and interval and
		// d from the published SDs), so it tells nothing more.
		const before = report([1, 2, 3, 2, 2].map((w) => employee(w)));
		const after = report([1, 2, 3, 2, 2, 5].map((w) => employee(w)));
		const werk = aspectOf(roundChange(after, { name: 'A', report: before }), 'werk');
		const shownBefore = before.aspects.find((a) => a.id === 'werk')!.employee;
		const shownAfter = after.aspects.find((a) => a.id === 'werk')!.employee;
		expect(werk?.before).toEqual({ n: shownBefore.n, mean: shownBefore.mean });
		expect(werk?.after).toEqual({ n: shownAfter.n, mean: shownAfter.mean });
		expect(werk?.difference).toBeCloseTo(shownAfter.mean! - shownBefore.mean!, 12);
		// Changing a report's stored SD changes the interval: it is worked out from the published figures alone.
		const wider: Report = { ...after, aspects: after.aspects.map((a) => (a.id === 'werk' ? { ...a, employee: { ...a.employee, sd: 2 } } : a)) };
		const widerWerk = aspectOf(roundChange(wider, { name: 'A', report: before }), 'werk');
		expect(widerWerk!.ci95![1] - widerWerk!.ci95![0]).toBeGreaterThan(werk!.ci95![1] - werk!.ci95![0]);
	});
});
