import { describe, expect, it } from 'vitest';
import { cronbachAlpha, favourableShare, shareTrue, summarize, tQuantile, welchChange } from './index';

describe('summarize', () => {
	it('matches a hand computation for 2, 4, 4, 5', () => {
		// mean 15/4 = 3.75; squared deviations 3.0625 + 0.0625 + 0.0625 + 1.5625 = 4.75; var 4.75/3;
		// t(0.975, 3) = 3.182446; half width = t * sd / 2.
		const s = summarize([2, 4, null, 4, undefined, 5]);
		expect(s.n).toBe(4);
		expect(s.mean).toBe(3.75);
		expect(s.sd).toBeCloseTo(Math.sqrt(4.75 / 3), 12);
		expect(s.ci95?.[0]).toBeCloseTo(1.7477547746640747, 7);
		expect(s.ci95?.[1]).toBeCloseTo(5.752245225335925, 7);
	});

	it('gives a mean but no SD or interval for one value, and nothing for none', () => {
		expect(summarize([3])).toEqual({ n: 1, mean: 3, sd: null, ci95: null });
		expect(summarize([null, undefined])).toEqual({ n: 0, mean: null, sd: null, ci95: null });
	});

	it('gives a zero-width interval, not NaN, when everyone agrees', () => {
		expect(summarize([4, 4, 4])).toEqual({ n: 3, mean: 4, sd: 0, ci95: [4, 4] });
	});

	it('drops NaN and infinities as missing', () => {
		expect(summarize([Number.NaN, 2, Number.POSITIVE_INFINITY]).n).toBe(1);
	});
});

describe('tQuantile', () => {
	it('agrees with tables', () => {
		expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
		expect(tQuantile(0.975, 10)).toBeCloseTo(2.2281, 4);
		expect(tQuantile(0.975, 0)).toBeNull();
	});
});

describe('favourableShare', () => {
	it('counts 4 and 5 among valid values', () => {
		expect(favourableShare([1, 4, 5, 3, null])).toBe(0.5);
		expect(favourableShare([3.9, 4, 4.2])).toBeCloseTo(2 / 3, 12);
		expect(favourableShare([null])).toBeNull();
	});
});

describe('shareTrue', () => {
	it('shares yes among those who answered', () => {
		expect(shareTrue([true, false, null, true])).toEqual({ n: 3, share: 2 / 3 });
		expect(shareTrue([null])).toEqual({ n: 0, share: null });
	});
});

describe('cronbachAlpha', () => {
	const rows = [
		[1, 2, 2],
		[2, 2, 3],
		[3, 3, 3],
		[4, 4, 5],
		[5, 4, 4],
		[2, 3, 2],
		[3, 2, 3],
		[4, 5, 4],
		[5, 5, 5],
		[1, 1, 2]
	];

	it('matches a hand computation', () => {
		// Item variances 2.2222 + 1.8778 + 1.3444 = 5.4444; sum-score variance 14.7111;
		// alpha = 3/2 * (1 - 5.4444/14.7111) = 0.944864.
		expect(cronbachAlpha(rows)).toBeCloseTo(0.9448640483383688, 10);
	});

	it('agrees with the covariance-matrix form k/(k-1) * (1 - trace / sum of all covariances)', () => {
		const n = rows.length;
		const k = 3;
		const means = [0, 1, 2].map((j) => rows.reduce((s, r) => s + (r[j] as number), 0) / n);
		let trace = 0;
		let total = 0;
		for (let i = 0; i < k; i++) {
			for (let j = 0; j < k; j++) {
				const cov =
					rows.reduce((s, r) => s + ((r[i] as number) - (means[i] as number)) * ((r[j] as number) - (means[j] as number)), 0) /
					(n - 1);
				total += cov;
				if (i === j) trace += cov;
			}
		}
		expect(cronbachAlpha(rows)).toBeCloseTo((k / (k - 1)) * (1 - trace / total), 12);
	});

	it('is null under 10 complete respondents, for one item, or without variance', () => {
		expect(cronbachAlpha(rows.slice(0, 9))).toBeNull();
		expect(cronbachAlpha(rows.map((r) => [r[0] as number]))).toBeNull();
		expect(cronbachAlpha(rows.map(() => [3, 3, 3]))).toBeNull();
	});
});

describe('welchChange (change between rounds, from published figures)', () => {
	// before 1,2,3: n 3, mean 2, sd 1. after 2,4,6,8: n 4, mean 5, sd sqrt(20/3).
	const before = { n: 3, mean: 2, sd: 1 };
	const after = { n: 4, mean: 5, sd: Math.sqrt(20 / 3) };

	it('matches a hand computation of the Welch interval, the pooled SD and Cohen\u2019s d', () => {
		// se = sqrt(1/3 + 5/3) = sqrt(2). df = 2^2 / ((1/3)^2/2 + (5/3)^2/3) = 4 / (1/18 + 25/27) = 4.0755;
		// t(0.975, 4.0755) = 2.756285. pooled variance = (2 * 1 + 3 * 20/3) / 5 = 4.4.
		const change = welchChange(before, after);
		expect(change.difference).toBe(3);
		expect(change.df).toBeCloseTo(4.075471698113207, 10);
		expect(change.ci95?.[0]).toBeCloseTo(3 - 2.756284874359572 * Math.SQRT2, 6);
		expect(change.ci95?.[1]).toBeCloseTo(3 + 2.756284874359572 * Math.SQRT2, 6);
		expect(change.pooledSd).toBeCloseTo(Math.sqrt(4.4), 12);
		expect(change.cohensD).toBeCloseTo(3 / Math.sqrt(4.4), 12);
	});

	it('gives the same as the raw values would (summarize), so nothing is lost by keeping only n, mean and SD', () => {
		const a = summarize([1, 2, 3]);
		const b = summarize([2, 4, 6, 8]);
		const change = welchChange({ n: a.n, mean: a.mean ?? 0, sd: a.sd ?? 0 }, { n: b.n, mean: b.mean ?? 0, sd: b.sd ?? 0 });
		expect(change.df).toBeCloseTo(welchChange(before, after).df ?? 0, 12);
	});

	it('is negative when scores went down', () => {
		expect(welchChange(after, before).difference).toBe(-3);
	});

	it('gives only the difference when a group has one value', () => {
		expect(welchChange({ n: 1, mean: 3, sd: 0 }, { n: 2, mean: 4.5, sd: Math.SQRT1_2 })).toMatchObject({ difference: 1.5, ci95: null, df: null, cohensD: null });
	});

	it('gives no interval or d, rather than NaN, when neither round varies', () => {
		expect(welchChange({ n: 5, mean: 3, sd: 0 }, { n: 5, mean: 4, sd: 0 })).toMatchObject({ difference: 1, ci95: null, df: null, pooledSd: null, cohensD: null });
	});
});
