import { describe, expect, it } from 'vitest';
import { pilotEvaluationSchema } from '../network/published';
import { evaluatePilot, pooledEmployeeSd, type PilotFirmFigures } from './evaluate';

const g = (n: number, mean: number, sd: number) => ({ n, mean, sd });

// Three pilot firms and three comparison firms, figures on "werk" only.
// Pilot:      P1 before (4, 3.0, 0.5) after 3.6: D = 0.6; P2 (6, 2.5, 1.0) -> 3.3: D = 0.8; P3 (5, 3.5, 0.8) -> 3.9: D = 0.4.
// Comparison: C1 (5, 3.0, 1.0) -> 3.1: D = 0.1; C2 (5, 4.0, 0.5) -> 3.8: D = -0.2; C3 (4, 3.0, 0.5) -> 3.4: D = 0.4.
const firms: PilotFirmFigures[] = [
	{ unit: 'P1', arm: 'pilot', before: { werk: g(4, 3.0, 0.5) }, after: { werk: g(6, 3.6, 0.7) } },
	{ unit: 'P2', arm: 'pilot', before: { werk: g(6, 2.5, 1.0) }, after: { werk: g(5, 3.3, 0.9) } },
	{ unit: 'P3', arm: 'pilot', before: { werk: g(5, 3.5, 0.8) }, after: { werk: g(5, 3.9, 0.6) } },
	{ unit: 'C1', arm: 'comparison', before: { werk: g(5, 3.0, 1.0) }, after: { werk: g(7, 3.1, 1.1) } },
	{ unit: 'C2', arm: 'comparison', before: { werk: g(5, 4.0, 0.5) }, after: { werk: g(5, 3.8, 0.5) } },
	{ unit: 'C3', arm: 'comparison', before: { werk: g(4, 3.0, 0.5) }, after: { werk: g(6, 3.4, 0.4) } }
];

describe('pilot evaluation', () => {
	it('computes the change per arm, the difference in differences, its Welch interval and the effect size', () => {
		const result = evaluatePilot({ pilot: 'coaching', k: 3, firms });
		expect(pilotEvaluationSchema.parse(result)).toEqual(result);
		const werk = result.aspects.find((a) => a.id === 'werk')!;
		// Pilot D: 0.6, 0.8, 0.4: mean 0.6, SD sqrt((0 + 0.04 + 0.04) / 2) = 0.2.
		// Comparison D: 0.1, -0.2, 0.4: mean 0.1, SD sqrt((0 + 0.09 + 0.09) / 2) = 0.3.
		expect(werk.pilot).toEqual({ firms: 3, change: expect.closeTo(0.6, 12) });
		expect(werk.comparison).toEqual({ firms: 3, change: expect.closeTo(0.1, 12) });
		// DID = 0.6 - 0.1 = 0.5.
		expect(werk.did).toBeCloseTo(0.5, 12);
		// SE^2 = 0.04 / 3 + 0.09 / 3 = 0.013333 + 0.03 = 0.043333, SE = 0.208167;
		// df = 0.043333^2 / (0.013333^2 / 2 + 0.03^2 / 2) = 0.0018778 / 0.00053889 = 3.48454;
		// t(0.975, 3.48454) = 2.946173; half width 2.946173 x 0.208167 = 0.613295: [-0.113295, 1.113295].
		expect(werk.ci95![0]).toBeCloseTo(-0.113295, 5);
		expect(werk.ci95![1]).toBeCloseTo(1.113295, 5);
		// Before rounds of all six firms: N = 29, sum n x mean = 91.5, M = 3.155172.
		// Within: 3 x 0.25 + 5 x 1 + 4 x 0.64 + 4 x 1 + 4 x 0.25 + 3 x 0.25 = 14.06.
		// Between: sum n x mean^2 - N x M^2 = 295.75 - 8372.25 / 29 = 7.051724. SS = 21.111724,
		// SD = sqrt(21.111724 / 28) = 0.868326; effect size 0.5 / 0.868326 = 0.575821.
		expect(werk.effectSize).toBeCloseTo(0.575821, 5);
	});

	it('keeps the firm counts but shows no figures when an arm has fewer than k firms with a change', () => {
		const result = evaluatePilot({ pilot: 'coaching', k: 4, firms });
		const werk = result.aspects.find((a) => a.id === 'werk')!;
		expect(werk).toEqual({ id: 'werk', pilot: { firms: 3, change: null }, comparison: { firms: 3, change: null }, did: null, ci95: null, effectSize: null });
	});

	it('leaves out a firm without an after round and a firm without a firm mean in a round', () => {
		const extra: PilotFirmFigures[] = [
			...firms,
			{ unit: 'P4', arm: 'pilot', before: { werk: g(8, 1.0, 0.5) }, after: null },
			{ unit: 'C4', arm: 'comparison', before: { werk: null }, after: { werk: g(8, 1.0, 0.5) } }
		];
		const werk = evaluatePilot({ pilot: 'coaching', k: 3, firms: extra }).aspects.find((a) => a.id === 'werk')!;
		expect(werk.pilot.firms).toBe(3);
		expect(werk.comparison.firms).toBe(3);
		expect(werk.did).toBeCloseTo(0.5, 12);
		expect(werk.effectSize).toBeCloseTo(0.575821, 5);
	});

	it('gives every aspect, with zero firms where nobody has figures, and hides an aspect disclosure control hides', () => {
		const result = evaluatePilot({ pilot: 'coaching', k: 3, firms, hidden: new Set(['werk']) });
		expect(result.threshold).toBe(3);
		expect(result.aspects.map((a) => a.id)).toEqual(['werk', 'ruimte', 'samen', 'leiding', 'organisatie', 'buitenwereld']);
		expect(result.aspects[0]).toMatchObject({ pilot: { firms: 3, change: null }, did: null });
		expect(result.aspects[1]).toMatchObject({ pilot: { firms: 0, change: null }, comparison: { firms: 0, change: null } });
	});

	it('has no interval when the changes do not vary at all, and never NaN', () => {
		const flat: PilotFirmFigures[] = ['A', 'B', 'C', 'D', 'E', 'F'].map((unit, i) => ({
			unit,
			arm: i < 3 ? 'pilot' : 'comparison',
			before: { werk: g(5, 3, 1) },
			after: { werk: g(5, i < 3 ? 3.5 : 3, 1) }
		}));
		const werk = evaluatePilot({ pilot: 'x', k: 3, firms: flat }).aspects[0]!;
		expect(werk.did).toBeCloseTo(0.5, 12);
		expect(werk.ci95).toBeNull();
		// All before groups have mean 3 and SD 1: SS = 6 x 4 x 1 = 24, SD = sqrt(24 / 29) = 0.909718.
		expect(werk.effectSize).toBeCloseTo(0.5 / Math.sqrt(24 / 29), 12);
	});
});

describe('SD of all employees from group figures', () => {
	it('adds the spread within and between groups', () => {
		// (2, 1, 0) and (2, 3, 0): scores 1, 1, 3, 3: mean 2, SS 4, SD sqrt(4 / 3).
		expect(pooledEmployeeSd([g(2, 1, 0), g(2, 3, 0)])).toBeCloseTo(Math.sqrt(4 / 3), 12);
		expect(pooledEmployeeSd([g(1, 3, 0)])).toBeNull();
		expect(pooledEmployeeSd([g(3, 3, 0), g(2, 3, 0)])).toBeNull();
	});
});
