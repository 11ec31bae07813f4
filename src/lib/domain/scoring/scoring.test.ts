import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../instrument/load';
import { aspectScore, aspectScores, completeAspectRow, itemScore } from './index';

const instrument = loadInstrument('v1');
const scale = instrument.scale;

describe('itemScore', () => {
	it('keeps the answer for a normal item', () => {
		expect([1, 2, 3, 4, 5].map((a) => itemScore({ reverse: false }, a, scale))).toEqual([1, 2, 3, 4, 5]);
	});

	it('scores a reverse-keyed item as 6 minus the answer', () => {
		expect([1, 2, 3, 4, 5].map((a) => itemScore({ reverse: true }, a, scale))).toEqual([5, 4, 3, 2, 1]);
	});

	it('treats "weet ik niet", skipped and impossible answers as missing', () => {
		for (const answer of [9, null, undefined, 0, 6, 2.5, Number.NaN]) {
			expect(itemScore({ reverse: true }, answer, scale)).toBeNull();
		}
	});
});

describe('aspectScore', () => {
	// werk has 5 items (werk_5 reverse-keyed); ruimte has 6 (ruimte_4 reverse-keyed).
	it('is the mean of the answered item scores, with reverse keying applied', () => {
		const answers = { werk_1: 4, werk_2: 5, werk_3: 3, werk_4: 4, werk_5: 2 };
		// werk_5: 6 - 2 = 4, so (4 + 5 + 3 + 4 + 4) / 5 = 4.
		expect(aspectScore(instrument, { answers }, 'werk')).toBe(4);
	});

	it('leaves out "weet ik niet" and skipped items when at least half are answered', () => {
		const answers = { werk_1: 2, werk_2: 9, werk_3: 3, werk_4: null, werk_5: 1 };
		// Three of five answered: (2 + 3 + 5) / 3.
		expect(aspectScore(instrument, { answers }, 'werk')).toBeCloseTo(10 / 3, 12);
	});

	it('is missing when fewer than half of the items are answered', () => {
		expect(aspectScore(instrument, { answers: { werk_1: 5, werk_2: 5, werk_3: 9 } }, 'werk')).toBeNull();
		expect(aspectScore(instrument, { answers: {} }, 'werk')).toBeNull();
	});

	it('needs exactly half for an aspect with six items', () => {
		const three = { ruimte_1: 5, ruimte_2: 4, ruimte_4: 5 };
		// ruimte_4 reverse: 6 - 5 = 1, so (5 + 4 + 1) / 3.
		expect(aspectScore(instrument, { answers: three }, 'ruimte')).toBeCloseTo(10 / 3, 12);
		expect(aspectScore(instrument, { answers: { ruimte_1: 5, ruimte_2: 4 } }, 'ruimte')).toBeNull();
	});

	it('scores every aspect at once', () => {
		const scores = aspectScores(instrument, { answers: { samen_1: 1, samen_2: 2, samen_3: 3 } });
		expect(scores.samen).toBe(2);
		expect(scores.werk).toBeNull();
		expect(Object.keys(scores)).toHaveLength(6);
	});
});

describe('completeAspectRow', () => {
	it('returns the scored row only when every item is answered', () => {
		const full = { werk_1: 1, werk_2: 2, werk_3: 3, werk_4: 4, werk_5: 5 };
		expect(completeAspectRow(instrument, { answers: full }, 'werk')).toEqual([1, 2, 3, 4, 1]);
		expect(completeAspectRow(instrument, { answers: { ...full, werk_3: 9 } }, 'werk')).toBeNull();
	});
});
