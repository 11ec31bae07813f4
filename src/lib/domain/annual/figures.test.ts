import { describe, expect, it } from 'vitest';
import { BENCHMARK, PILOT_EVALUATION } from '../../../../tests/helpers/annual-fixtures';
import { benchmarkFindings, effectWord, intervalPlace, pilotFindings, talkFigures } from './figures';

describe('the findings of a pilot evaluation', () => {
	it('takes every estimate as published, reads its size and where its interval lies, and counts them', () => {
		const found = pilotFindings(PILOT_EVALUATION)!;
		expect(found.aspects[0]).toEqual({
			kind: 'estimated', aspect: 'werk', pilotFirms: 6, comparisonFirms: 7, pilotChange: 0.5, comparisonChange: 0.1,
			did: 0.4, interval: [0.1, 0.7], effectSize: 0.55, effect: 'medium', place: 'above-zero'
		});
		expect(found.aspects[2]).toMatchObject({ aspect: 'samen', effect: 'negligible', place: 'around-zero' });
		expect(found.aspects[3]).toMatchObject({ aspect: 'leiding', effect: 'small', place: 'below-zero' });
		expect({ estimated: found.estimated, above: found.aboveZero, below: found.belowZero, around: found.aroundZero }).toEqual({ estimated: 3, above: 1, below: 1, around: 1 });
	});

	it('says "too few firms" where an arm has fewer than k, keeping the firm counts and inventing no change', () => {
		expect(pilotFindings(PILOT_EVALUATION)!.aspects[1]).toEqual({ kind: 'too-few', aspect: 'ruimte', pilotFirms: 4, comparisonFirms: 7, threshold: 5 });
	});

	it('is null without an evaluation', () => {
		expect(pilotFindings(null)).toBeNull();
	});

	it('reads effect sizes by Cohen\u2019s rule of thumb, both directions, and intervals that touch zero as around zero', () => {
		expect([0, 0.19, 0.2, -0.49, 0.5, 0.79, -0.8, 2].map(effectWord)).toEqual(['negligible', 'negligible', 'small', 'small', 'medium', 'medium', 'large', 'large']);
		expect(intervalPlace([0, 0.3])).toBe('around-zero');
		expect(intervalPlace([-0.3, 0])).toBe('around-zero');
		expect(intervalPlace([0.01, 0.3])).toBe('above-zero');
	});
});

describe('the findings of a benchmark', () => {
	it('names the highest and lowest aspect and counts shown and hidden groups', () => {
		expect(benchmarkFindings(BENCHMARK)).toEqual({
			firms: 12, threshold: 5, highest: { aspect: 'werk', mean: 3.84 }, lowest: { aspect: 'organisatie', mean: 2.93 },
			quartiles: true, shownGroups: 2, hiddenGroups: 2
		});
	});

	it('knows when quartiles were withheld (fewer than 2k firms) and names no extremes without means', () => {
		const small = { ...BENCHMARK, firms: 6, aspects: BENCHMARK.aspects.map((a) => ({ ...a, firms: 6, p25: null, p50: null, p75: null })) };
		expect(benchmarkFindings(small)!.quartiles).toBe(false);
		const none = { ...BENCHMARK, firms: 3, aspects: BENCHMARK.aspects.map((a) => ({ ...a, firms: 3, mean: null, p25: null, p50: null, p75: null })), groupings: [] };
		expect(benchmarkFindings(none)).toMatchObject({ highest: null, lowest: null, quartiles: false, shownGroups: 0, hiddenGroups: 0 });
	});

	it('is null without a benchmark, and a talk\u2019s figures are null where the platform has none', () => {
		expect(benchmarkFindings(null)).toBeNull();
		expect(talkFigures({ evaluation: null, benchmark: null })).toEqual({ pilot: null, benchmark: null });
		expect(talkFigures({ evaluation: PILOT_EVALUATION, benchmark: null }).pilot?.pilot).toBe('leerambassadeurs');
	});
});
