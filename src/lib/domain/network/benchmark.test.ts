import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASPECT_IDS } from '../knowledge/entry';
import type { ShownSet } from '../privacy/disclosure';
import { computeBenchmark, firmsChanged, quantile, sizeBand, snapshotDue, type AspectId, type BenchmarkFirm, type SnapshotShownSets } from './benchmark';
import { networkReportSchema } from './published';

function firm(unit: string, werk: number | null, attrs: Partial<BenchmarkFirm> = {}): BenchmarkFirm {
	return { unit, sector: 'bouw', employees: 20, province: 'utrecht', means: { werk }, ...attrs };
}

const group = (report: ReturnType<typeof computeBenchmark>['report'], variable: string, category: string) =>
	report.groupings.find((g) => g.variable === variable)!.groups.find((g) => g.category === category);

describe('quantile (R type 7)', () => {
	it('interpolates between order statistics as numpy does', () => {
		const x = [2, 3, 3, 3.5, 4, 4.5];
		expect(quantile(x, 0.25)).toBeCloseTo(3, 12); // h = 1.25
		expect(quantile(x, 0.5)).toBeCloseTo(3.25, 12); // h = 2.5
		expect(quantile(x, 0.75)).toBeCloseTo(3.875, 12); // h = 3.75
		expect(quantile([7], 0.75)).toBe(7);
	});
});

describe('sizeBand', () => {
	it('uses the bands 1-9, 10-49, 50-249 and 250+', () => {
		expect([1, 9, 10, 49, 50, 249, 250, 5000].map(sizeBand)).toEqual(['1-9', '1-9', '10-49', '10-49', '50-249', '50-249', '250+', '250+']);
	});
});

describe('computeBenchmark: hand-computed figures', () => {
	// k = 3, six firms: werk means 3, 3.5, 4, 2, 4.5, 3; three in bouw, two in horeca, one in ict.
	const firms = [
		firm('f1', 3, { sector: 'bouw', employees: 5, province: 'utrecht' }),
		firm('f2', 3.5, { sector: 'bouw', employees: 8, province: 'utrecht' }),
		firm('f3', 4, { sector: 'bouw', employees: 20, province: 'utrecht' }),
		firm('f4', 2, { sector: 'horeca', employees: 30, province: 'utrecht' }),
		firm('f5', 4.5, { sector: 'horeca', employees: 60, province: 'utrecht' }),
		firm('f6', 3, { sector: 'ict', employees: 300, province: 'onbekend' })
	];
	const { report, shown } = computeBenchmark({ network: 'noord', k: 3, firms });

	it('gives the mean of firm means and quartiles from 2k firms, in the shape of network report', () => {
		expect(networkReportSchema.parse(report)).toEqual(report);
		expect(report.firms).toBe(6);
		const werk = report.aspects.find((a) => a.id === 'werk')!;
		expect(werk.firms).toBe(6);
		expect(werk.mean).toBeCloseTo(20 / 6, 12);
		expect(werk.p25).toBeCloseTo(3, 12);
		expect(werk.p50).toBeCloseTo(3.25, 12);
		expect(werk.p75).toBeCloseTo(3.875, 12);
		// No firm has a value on another aspect: nothing shown there.
		expect(report.aspects.find((a) => a.id === 'samen')).toEqual({ id: 'samen', firms: 0, mean: null, p25: null, p50: null, p75: null });
	});

	it('shows a sector with k firms and hides the smaller ones, which add up to k', () => {
		expect(group(report, 'sector', 'bouw')).toMatchObject({ firms: 3, suppressed: false });
		expect(group(report, 'sector', 'bouw')!.aspects!.werk).toBeCloseTo(3.5, 12);
		expect(group(report, 'sector', 'horeca')).toMatchObject({ firms: null, suppressed: true, aspects: null });
		expect(group(report, 'sector', 'ict')).toMatchObject({ firms: null, suppressed: true, aspects: null });
		expect(shown.werk!.map((s) => s.id)).toEqual(['total', 'sector:bouw']);
	});

	it('hides every size band under k and a province whose hidden rest (firms without a province) would be one firm', () => {
		expect(report.groupings.find((g) => g.variable === 'size')!.groups.every((g) => g.suppressed)).toBe(true);
		// utrecht has 5, one firm has no province: 1 hidden < k, so utrecht goes too.
		expect(group(report, 'province', 'utrecht')).toMatchObject({ suppressed: true, firms: null });
	});

	it('with fewer than 2k firms gives the mean but no quartiles', () => {
		const few = computeBenchmark({ network: 'n', k: 3, firms: firms.slice(0, 5) }).report.aspects.find((a) => a.id === 'werk')!;
		expect(few.mean).toBeCloseTo(17 / 5, 12);
		expect([few.p25, few.p50, few.p75]).toEqual([null, null, null]);
	});

	it('suppresses the next smallest group when the hidden firms would be fewer than k', () => {
		const f = [
			...['a', 'b', 'c'].map((u) => firm(u, 3, { sector: 'bouw' })),
			...['d', 'e', 'f', 'g'].map((u) => firm(u, 3, { sector: 'horeca' })),
			...['h', 'i'].map((u) => firm(u, 3, { sector: 'ict' }))
		];
		const { report: r } = computeBenchmark({ network: 'n', k: 3, firms: f });
		expect(group(r, 'sector', 'ict')!.suppressed).toBe(true);
		expect(group(r, 'sector', 'bouw')!.suppressed).toBe(true);
		expect(group(r, 'sector', 'horeca')).toMatchObject({ suppressed: false, firms: 4 });
	});

	it('hides a group mean that, with another grouping, would give one firm (utrecht minus bouw)', () => {
		// bouw = f1..f4 (all in utrecht), horeca = f5..f8; utrecht = f1..f5, gelderland = f6..f8.
		const f = [1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
			firm(`f${i}`, i, { sector: i <= 4 ? 'bouw' : 'horeca', province: i <= 5 ? 'utrecht' : 'gelderland' })
		);
		const { report: r, shown: s } = computeBenchmark({ network: 'n', k: 3, firms: f });
		const means = (v: string, c: string) => group(r, v, c)!.aspects?.werk ?? null;
		// Shown together, 5 x utrecht - 4 x bouw would be firm 5's mean.
		expect(means('province', 'utrecht') !== null && means('sector', 'bouw') !== null).toBe(false);
		expect(attack(s.werk!, 3)).toBeNull();
	});

	it('hides what differs by one firm from an earlier snapshot', () => {
		const before = Array.from({ length: 6 }, (_, i) => firm(`u${i}`, i));
		const first = computeBenchmark({ network: 'n', k: 3, firms: before });
		expect(first.report.aspects[0]!.mean).not.toBeNull();
		// One firm more: total now minus total then is that firm.
		const after = computeBenchmark({ network: 'n', k: 3, firms: [...before, firm('u6', 5)], earlier: [first.shown] });
		expect(after.report.aspects.find((a) => a.id === 'werk')!.mean).toBeNull();
	});
});

describe('snapshotDue', () => {
	const f = (firmId: string, unit = `${firmId}:r1:1`) => ({ firmId, unit });
	it('publishes the first snapshot from k firms, and a next one only when k firms joined, left or changed', () => {
		expect(snapshotDue(null, [f('a'), f('b')], 3)).toBe(false);
		expect(snapshotDue(null, [f('a'), f('b'), f('c')], 3)).toBe(true);
		const last = [f('a'), f('b'), f('c')];
		expect(snapshotDue(last, [f('a'), f('b'), f('c'), f('d')], 3)).toBe(false);
		expect(snapshotDue(last, [f('a', 'a:r2:1'), f('b'), f('c'), f('d')], 3)).toBe(false);
		expect(firmsChanged(last, [f('a', 'a:r2:1'), f('b'), f('d')])).toBe(3);
		expect(snapshotDue(last, [f('a', 'a:r2:1'), f('b'), f('d')], 3)).toBe(true);
	});
});

/**
 * The attacker, written apart from the disclosure module: every set of 1 to k-1 units among those seen is
 * tried, and it is derivable when its indicator vector lies in the span of the shown sets (rank does not grow).
 */
function attack(sets: readonly ShownSet[], k: number): string[] | null {
	const units = [...new Set(sets.flatMap((s) => s.members))].sort();
	if (units.length === 0) return null;
	const vector = (members: readonly string[]) => units.map((u) => (members.includes(u) ? 1 : 0));
	const rows = sets.map((s) => vector(s.members));
	const base = rank(rows);
	const n = units.length;
	for (let mask = 1; mask < 1 << n; mask++) {
		const chosen = units.filter((_, i) => mask & (1 << i));
		if (chosen.length >= k) continue;
		if (rank([...rows, vector(chosen)]) === base) return chosen;
	}
	return null;
}

function rank(input: number[][]): number {
	const m = input.map((r) => [...r]);
	let r = 0;
	const cols = m[0]?.length ?? 0;
	for (let c = 0; c < cols && r < m.length; c++) {
		let pivot = -1;
		for (let i = r; i < m.length; i++) if (Math.abs(m[i]![c]!) > 1e-9) pivot = pivot < 0 ? i : pivot;
		if (pivot < 0) continue;
		[m[r], m[pivot]] = [m[pivot]!, m[r]!];
		for (let i = 0; i < m.length; i++) {
			if (i === r) continue;
			const factor = m[i]![c]! / m[r]![c]!;
			if (factor !== 0) for (let j = c; j < cols; j++) m[i]![j]! -= factor * m[r]![j]!;
		}
		r++;
	}
	return r;
}

describe('property: no single firm mean follows from what a coordinator sees, across groupings and snapshots', () => {
	const sectors = ['bouw', 'horeca', 'ict', null] as const;
	const provinces = ['utrecht', 'gelderland', 'onbekend'] as const;
	const firmArb = fc.record({
		sector: fc.constantFrom(...sectors),
		employees: fc.constantFrom(5, 20, 100, 400),
		province: fc.constantFrom(...provinces),
		werk: fc.option(fc.integer({ min: 10, max: 50 }).map((v) => v / 10), { nil: null }),
		samen: fc.option(fc.integer({ min: 10, max: 50 }).map((v) => v / 10), { nil: null })
	});
	const toFirm = (id: string, version: number, f: { sector: string | null; employees: number; province: string; werk: number | null; samen: number | null }): { firmId: string; firm: BenchmarkFirm } => ({
		firmId: id,
		firm: { unit: `${id}:${version}`, sector: f.sector, employees: f.employees, province: f.province, means: { werk: f.werk, samen: f.samen } }
	});

	it('holds for one snapshot and for a series of snapshots that each passed snapshotDue', () => {
		fc.assert(
			fc.property(
				fc.array(firmArb, { minLength: 0, maxLength: 9 }),
				fc.array(fc.record({ leave: fc.array(fc.nat(8), { maxLength: 3 }), change: fc.array(fc.nat(8), { maxLength: 2 }), join: fc.array(firmArb, { maxLength: 4 }) }), { maxLength: 2 }),
				(initial, steps) => {
					const k = 3;
					let members = initial.map((f, i) => toFirm(`f${i}`, 1, f));
					let nextId = members.length;
					const snapshots: SnapshotShownSets[] = [];
					let counted: { firmId: string; unit: string }[] | null = null;
					const consider = () => {
						const current = members.map((m) => ({ firmId: m.firmId, unit: m.firm.unit }));
						if (!snapshotDue(counted, current, k)) return;
						const { shown } = computeBenchmark({ network: 'n', k, firms: members.map((m) => m.firm), earlier: snapshots });
						snapshots.push(shown);
						counted = current;
					};
					consider();
					for (const step of steps) {
						members = members.filter((_, i) => !step.leave.includes(i));
						members = members.map((m, i) => (step.change.includes(i) ? { ...m, firm: { ...m.firm, unit: `${m.firm.unit}+`, means: { werk: (m.firm.means.werk ?? 3) / 2 } } } : m));
						members = [...members, ...step.join.map((f) => toFirm(`f${nextId++}`, 1, f))];
						consider();
					}
					for (const aspect of ASPECT_IDS as readonly AspectId[]) {
						const everything = snapshots.flatMap((s) => s[aspect] ?? []);
						expect(attack(everything, k)).toBeNull();
					}
				}
			),
			{ numRuns: 300 }
		);
	});
});
