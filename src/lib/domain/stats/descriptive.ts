import jStat from 'jstat';
import { mean as ssMean, sampleVariance } from 'simple-statistics';

export type Interval = [low: number, high: number];

export interface Summary {
	/** Number of valid (non-missing) values. */
	n: number;
	mean: number | null;
	/** Sample standard deviation (n - 1). */
	sd: number | null;
	/** 95% confidence interval of the mean from the t distribution. */
	ci95: Interval | null;
}

/** Missing values arrive as null or undefined; a NaN or infinity would poison every figure, so it is dropped too. */
export function validValues(values: readonly (number | null | undefined)[]): number[] {
	return values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
}

/** Quantile of Student's t distribution. */
export function tQuantile(p: number, degreesOfFreedom: number): number | null {
	if (!(degreesOfFreedom > 0) || !Number.isFinite(degreesOfFreedom)) return null;
	const t = jStat.studentt.inv(p, degreesOfFreedom);
	return Number.isFinite(t) ? t : null;
}

export function mean(values: readonly (number | null | undefined)[]): number | null {
	const valid = validValues(values);
	return valid.length === 0 ? null : ssMean(valid);
}

/** mean +/- t(0.975, n-1) * sd / sqrt(n); only for n >= 2, where the t distribution exists. */
export function summarize(values: readonly (number | null | undefined)[]): Summary {
	const valid = validValues(values);
	const n = valid.length;
	const m = n === 0 ? null : ssMean(valid);
	const sd = n < 2 ? null : Math.sqrt(sampleVariance(valid));
	let ci95: Interval | null = null;
	if (m !== null && sd !== null) {
		const t = tQuantile(0.975, n - 1);
		if (t !== null) {
			const half = (t * sd) / Math.sqrt(n);
			ci95 = [m - half, m + half];
		}
	}
	return { n, mean: m, sd, ci95 };
}

/**
 * Share of valid values at or above `from` (4 = "eens" or "helemaal eens" on the scored scale).
 * Null, not 0, when there is nothing to share out.
 */
export function favourableShare(values: readonly (number | null | undefined)[], from = 4): number | null {
	const valid = validValues(values);
	if (valid.length === 0) return null;
	return valid.filter((v) => v >= from).length / valid.length;
}

/** Share of true among the answered (non-null) values. */
export function shareTrue(values: readonly (boolean | null | undefined)[]): { n: number; share: number | null } {
	const answered = values.filter((v): v is boolean => typeof v === 'boolean');
	return {
		n: answered.length,
		share: answered.length === 0 ? null : answered.filter(Boolean).length / answered.length
	};
}
