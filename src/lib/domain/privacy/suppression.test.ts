import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveThreshold, suppressSmallGroups } from './index';

const shownOf = (groups: { n: number; suppressed: boolean }[]) => groups.filter((g) => !g.suppressed);

describe('effectiveThreshold', () => {
	it('defaults to 5, never goes below 3 and rounds up', () => {
		expect(effectiveThreshold()).toBe(5);
		expect(effectiveThreshold(null)).toBe(5);
		expect(effectiveThreshold(Number.NaN)).toBe(5);
		expect(effectiveThreshold(1)).toBe(3);
		expect(effectiveThreshold(3)).toBe(3);
		expect(effectiveThreshold(7)).toBe(7);
		expect(effectiveThreshold(4.2)).toBe(5);
	});
});

describe('suppressSmallGroups: groups at k - 1, k and k + 1', () => {
	it('hides k - 1, then the group of k too, so the hidden total is not k - 1', () => {
		const result = suppressSmallGroups(
			[
				{ category: 'a', n: 4 },
				{ category: 'b', n: 5 },
				{ category: 'c', n: 6 }
			],
			{ k: 5 }
		);
		expect(result.groups.map((g) => [g.category, g.suppressed, g.complementary])).toEqual([
			['a', true, false],
			['b', true, true],
			['c', false, false]
		]);
		expect(result.hiddenTotal).toBe(9);
	});

	it('shows groups of k and k + 1 when nobody is hidden', () => {
		const result = suppressSmallGroups(
			[
				{ category: 'b', n: 5 },
				{ category: 'c', n: 6 }
			],
			{ k: 5 }
		);
		expect(result.groups.every((g) => !g.suppressed)).toBe(true);
		expect(result.hiddenTotal).toBe(0);
	});

	it('counts people who skipped the question as a hidden group', () => {
		const result = suppressSmallGroups(
			[
				{ category: 'b', n: 5 },
				{ category: 'c', n: 6 }
			],
			{ k: 5, unanswered: 1 }
		);
		expect(result.groups.map((g) => g.suppressed)).toEqual([true, false]);
		expect(result.hiddenTotal).toBe(6);
	});

	it('leaves skipped people alone when they are already k', () => {
		const result = suppressSmallGroups([{ category: 'b', n: 5 }], { k: 5, unanswered: 5 });
		expect(result.groups[0]?.suppressed).toBe(false);
	});

	it('treats an empty category as hidden without forcing more suppression', () => {
		const result = suppressSmallGroups(
			[
				{ category: 'a', n: 0 },
				{ category: 'b', n: 5 },
				{ category: 'c', n: 5 }
			],
			{ k: 5 }
		);
		expect(result.groups.map((g) => g.suppressed)).toEqual([true, false, false]);
		expect(result.hiddenTotal).toBe(0);
	});

	it('hides a single group below k, and then shows nothing', () => {
		const result = suppressSmallGroups([{ category: 'a', n: 4 }], { k: 5 });
		expect(result.groups[0]?.suppressed).toBe(true);
	});

	it('uses k = 3 when asked for less', () => {
		const result = suppressSmallGroups(
			[
				{ category: 'a', n: 2 },
				{ category: 'b', n: 3 },
				{ category: 'c', n: 9 }
			],
			{ k: 1 }
		);
		expect(result.k).toBe(3);
		expect(result.groups.map((g) => g.suppressed)).toEqual([true, true, false]);
	});
});

describe('suppressSmallGroups: properties', () => {
	const input = fc.record({
		sizes: fc.array(fc.nat({ max: 25 }), { minLength: 0, maxLength: 8 }),
		unanswered: fc.nat({ max: 12 }),
		k: fc.integer({ min: -2, max: 12 })
	});

	it('shows only groups of at least k, and hides 0 or at least k in total', () => {
		fc.assert(
			fc.property(input, ({ sizes, unanswered, k }) => {
				const groups = sizes.map((n, i) => ({ category: `g${i}`, n }));
				const result = suppressSmallGroups(groups, { k, unanswered });
				const applied = Math.max(3, k);
				expect(result.k).toBe(applied);
				const shown = shownOf(result.groups);
				for (const group of shown) expect(group.n).toBeGreaterThanOrEqual(applied);
				const total = unanswered + sizes.reduce((s, n) => s + n, 0);
				const hidden = total - shown.reduce((s, g) => s + g.n, 0);
				expect(result.hiddenTotal).toBe(hidden);
				if (shown.length > 0) expect(hidden === 0 || hidden >= applied).toBe(true);
			})
		);
	});

	it('keeps order and sizes, always hides groups under k, and hides at most one extra group', () => {
		fc.assert(
			fc.property(input, ({ sizes, unanswered, k }) => {
				const groups = sizes.map((n, i) => ({ category: `g${i}`, n }));
				const result = suppressSmallGroups(groups, { k, unanswered });
				const applied = Math.max(3, k);
				expect(result.groups.map((g) => [g.category, g.n])).toEqual(groups.map((g) => [g.category, g.n]));
				for (const group of result.groups) {
					if (group.n < applied) expect(group.suppressed).toBe(true);
				}
				const extra = result.groups.filter((g) => g.complementary);
				expect(extra.length).toBeLessThanOrEqual(1);
				const primaryHidden = unanswered + sizes.filter((n) => n < applied).reduce((s, n) => s + n, 0);
				if (primaryHidden === 0 || primaryHidden >= applied) expect(extra).toHaveLength(0);
				const [chosen] = extra;
				if (chosen) {
					// The extra group is a smallest one among those that could have been shown.
					const candidates = result.groups.filter((g) => g.n >= applied);
					expect(chosen.n).toBe(Math.min(...candidates.map((g) => g.n)));
				}
			})
		);
	});
});
