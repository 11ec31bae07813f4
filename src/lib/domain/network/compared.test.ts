import { describe, expect, it } from 'vitest';
import { compareWithNetwork, positionOf } from './compared';
import { computeBenchmark, type BenchmarkFirm } from './benchmark';

const firm = (unit: string, werk: number, sector = 'bouw', employees = 20): BenchmarkFirm => ({ unit, sector, employees, province: 'utrecht', means: { werk } });

describe('positionOf', () => {
	it('places a firm mean among the quartiles, in four steps', () => {
		expect(positionOf(2, 3, 3.5, 4)).toBe('below');
		expect(positionOf(3, 3, 3.5, 4)).toBe('lower-middle');
		expect(positionOf(3.7, 3, 3.5, 4)).toBe('upper-middle');
		expect(positionOf(4.2, 3, 3.5, 4)).toBe('above');
		expect(positionOf(4.2, null, null, null)).toBeNull();
	});
});

describe('compareWithNetwork', () => {
	// k = 3; eight firms: five in bouw, three in horeca, all of 10-49 employees.
	const firms = [firm('me', 4.5), firm('b', 3), firm('c', 3.5), firm('d', 4), firm('e', 2), firm('f', 3, 'horeca'), firm('g', 3.2, 'horeca'), firm('h', 3, 'horeca')];
	const { report, shown } = computeBenchmark({ network: 'n', k: 3, firms });
	const snapshot = { name: 'Noord', publishedOn: '2026-06-01', report, shown };

	it('compares with the firms besides this one, with its position in words, and the same sector where it has k others', () => {
		const result = compareWithNetwork(snapshot, { counted: true, sector: 'bouw', employees: 20, means: { werk: 4.5 } }, 3)!;
		expect(result.firms).toBe(7);
		const werk = result.aspects.find((a) => a.id === 'werk')!;
		// sorted 2, 3, 3, 3, 3.2, 3.5, 4, 4.5: P75 at h = 5.25 is 3.625, so 4.5 lies above.
		expect(werk.p75).toBeCloseTo(3.625, 12);
		expect(werk.position).toBe('above');
		// bouw = 5 firms with this one: 4 besides it; the size band 10-49 holds all eight.
		expect(result.groups.map((g) => [g.variable, g.category, g.firms])).toEqual([['sector', 'bouw', 4], ['size', '10-49', 7]]);
		expect(result.groups[0]!.aspects.werk).toBeCloseTo(17 / 5, 12);
	});

	it('shows nothing when the network has fewer than k firms besides this one', () => {
		const small = computeBenchmark({ network: 'n', k: 3, firms: firms.slice(0, 3) });
		expect(compareWithNetwork({ ...snapshot, report: small.report, shown: small.shown }, { counted: true, sector: 'bouw', employees: 20, means: { werk: 4.5 } }, 3)).toBeNull();
	});

	it('leaves out a group with fewer than k others, even though the group itself is shown', () => {
		const four = computeBenchmark({ network: 'n', k: 3, firms: [...firms.slice(0, 3), firm('x', 3, 'horeca'), firm('y', 3, 'horeca'), firm('z', 3, 'horeca')] });
		const result = compareWithNetwork({ ...snapshot, report: four.report, shown: four.shown }, { counted: true, sector: 'bouw', employees: 20, means: { werk: 4.5 } }, 3)!;
		expect(result.groups.find((g) => g.variable === 'sector')).toBeUndefined();
	});
});
