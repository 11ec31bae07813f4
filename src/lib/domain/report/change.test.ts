import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument/load';
import type { ScanResponse } from '../response';
import { aspectChanges } from './change';

const instrument = loadInstrument('v1');

/** An employee whose werk items all score `level` (werk_5 is reverse-keyed). */
function werkAt(level: number): ScanResponse {
	return {
		perspective: 'employee',
		answers: { werk_1: level, werk_2: level, werk_3: level, werk_4: level, werk_5: 6 - level },
		background: {},
		learning: { formal: null, nonFormal: null, informal: null, need: null, intention: null, barriers: [] },
		open: {}
	};
}

describe('aspectChanges', () => {
	it('compares two rounds with Welch and Cohen\u2019s d', () => {
		// before 1,2,3,2,2: mean 2, var 0.5. after 3,4,5,4,4: mean 4, var 0.5.
		// se = sqrt(0.1 + 0.1); df = 0.04 / (2 * 0.01 / 4) = 8; t(0.975, 8) = 2.306004; d = 2 / sqrt(0.5).
		const before = [1, 2, 3, 2, 2].map(werkAt);
		const after = [3, 4, 5, 4, 4].map(werkAt);
		const werk = aspectChanges(instrument, before, after, 5).find((c) => c.id === 'werk')?.change;
		expect(werk?.difference).toBe(2);
		expect(werk?.df).toBeCloseTo(8, 10);
		expect(werk?.ci95?.[0]).toBeCloseTo(2 - 2.306004135204 * Math.sqrt(0.2), 8);
		expect(werk?.ci95?.[1]).toBeCloseTo(2 + 2.306004135204 * Math.sqrt(0.2), 8);
		expect(werk?.cohensD).toBeCloseTo(2 / Math.sqrt(0.5), 12);
	});

	it('gives no change for a round under k, or an aspect with too few scores', () => {
		const before = [1, 2, 3, 2].map(werkAt);
		const after = [3, 4, 5, 4, 4].map(werkAt);
		expect(aspectChanges(instrument, before, after, 5).every((c) => c.change === null)).toBe(true);
		const enough = [1, 2, 3, 2, 2].map(werkAt);
		expect(aspectChanges(instrument, enough, after, 5).find((c) => c.id === 'ruimte')?.change).toBeNull();
	});
});
