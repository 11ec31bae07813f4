import { describe, expect, it } from 'vitest';
import { DEFAULT_ICC, designEffect, iccOne, minimumDetectableEffect, networkIcc } from './mde';

describe('minimum detectable effect', () => {
	it('follows 2.80 x sqrt(4 x DE / (J x m)) with DE = 1 + (m - 1) x ICC', () => {
		// J = 6 firms per arm, m = 12 respondents, ICC 0.10: DE = 1 + 11 x 0.1 = 2.1;
		// 4 x 2.1 / (6 x 12) = 8.4 / 72 = 0.116667; sqrt = 0.341565; x 2.80 = 0.956382.
		expect(designEffect(12, 0.1)).toBeCloseTo(2.1, 12);
		expect(minimumDetectableEffect({ firmsPerArm: 6, respondentsPerFirm: 12, icc: 0.1 })).toBeCloseTo(0.956382, 5);
		// Without clustering (ICC 0) and J = 10, m = 20: 2.80 x sqrt(4 / 200) = 2.80 x 0.141421 = 0.395980.
		expect(minimumDetectableEffect({ firmsPerArm: 10, respondentsPerFirm: 20, icc: 0 })).toBeCloseTo(0.39598, 5);
	});

	it('gives nothing without a firm or a respondent', () => {
		expect(minimumDetectableEffect({ firmsPerArm: 0, respondentsPerFirm: 12, icc: 0.1 })).toBeNull();
		expect(minimumDetectableEffect({ firmsPerArm: 5, respondentsPerFirm: 0, icc: 0.1 })).toBeNull();
	});
});

describe('ICC(1) from per-firm figures', () => {
	it('matches the one-way ANOVA computed by hand', () => {
		// Firm A: n 3, mean 2, SD 1; firm B: n 3, mean 4, SD 1. N = 6, g = 2, grand mean 3.
		// SSB = 3 x 1 + 3 x 1 = 6, MSB = 6 / 1 = 6; SSW = 2 x 1 + 2 x 1 = 4, MSW = 4 / (6 - 2) = 1;
		// n0 = (6 - (9 + 9) / 6) / 1 = 3; ICC = (6 - 1) / (6 + (3 - 1) x 1) = 5 / 8 = 0.625.
		expect(iccOne([{ n: 3, mean: 2, sd: 1 }, { n: 3, mean: 4, sd: 1 }])).toBeCloseTo(0.625, 12);
		// Unequal sizes: A n 2 mean 1 SD 0; B n 4 mean 4 SD 2. N = 6, M = (2 + 16) / 6 = 3.
		// SSB = 2 x 4 + 4 x 1 = 12 = MSB; SSW = 0 + 3 x 4 = 12, MSW = 12 / 4 = 3;
		// n0 = (6 - (4 + 16) / 6) / 1 = 2.666667; ICC = (12 - 3) / (12 + 1.666667 x 3) = 9 / 17 = 0.529412.
		expect(iccOne([{ n: 2, mean: 1, sd: 0 }, { n: 4, mean: 4, sd: 2 }])).toBeCloseTo(9 / 17, 12);
	});

	it('uses the network only from 2k firms, else 0.10, and counts a negative estimate as 0', () => {
		const same = { n: 4, mean: 3, sd: 1 };
		expect(networkIcc(Array(5).fill(same), 3)).toEqual({ icc: DEFAULT_ICC, source: 'default', firms: 0 });
		// Six firms with equal means: SSB = 0, so ICC(1) = -MSW / (n0 - 1) MSW = -1 / 3, counted as 0.
		expect(networkIcc(Array(6).fill(same), 3)).toEqual({ icc: 0, source: 'network', firms: 6 });
		const spread = [1, 2, 3, 4, 5, 3].map((mean) => ({ n: 3, mean, sd: 1 }));
		// SSB = 3 x (4 + 1 + 0 + 1 + 4 + 0) = 30, MSB = 30 / 5 = 6; MSW = 12 / 12 = 1; n0 = 3; ICC = 5 / 8.
		expect(networkIcc(spread, 3)).toEqual({ icc: 0.625, source: 'network', firms: 6 });
	});
});
