import { tQuantile, type Interval } from './descriptive';

/** What a published report keeps of a group's aspect scores: enough to compare two rounds without the answers. */
export interface GroupFigures {
	n: number;
	mean: number;
	/** Sample standard deviation (n - 1). */
	sd: number;
}

export interface Change {
	/** after mean minus before mean. */
	difference: number;
	/** Welch interval: the rounds are anonymous, so they are independent samples with unequal variances. */
	ci95: Interval | null;
	/** Welch-Satterthwaite degrees of freedom. */
	df: number | null;
	/** sqrt(((n1-1)s1^2 + (n2-1)s2^2) / (n1 + n2 - 2)). */
	pooledSd: number | null;
	/** difference / pooled SD. */
	cohensD: number | null;
}

/**
 * Change between two independent groups from their summary figures (n, mean, SD), as DESIGN.md "Measures"
 * defines it. Interval and d need n >= 2 in both groups and some variance; otherwise they are null, never NaN.
 */
export function welchChange(before: GroupFigures, after: GroupFigures): Change {
	const difference = after.mean - before.mean;
	if (before.n < 2 || after.n < 2) return { difference, ci95: null, df: null, pooledSd: null, cohensD: null };
	const vb = before.sd ** 2 / before.n;
	const va = after.sd ** 2 / after.n;
	const se = Math.sqrt(vb + va);
	let ci95: Interval | null = null;
	let df: number | null = null;
	if (se > 0) {
		df = (vb + va) ** 2 / (vb ** 2 / (before.n - 1) + va ** 2 / (after.n - 1));
		const t = tQuantile(0.975, df);
		if (t !== null) ci95 = [difference - t * se, difference + t * se];
	}
	const pooled = Math.sqrt(((before.n - 1) * before.sd ** 2 + (after.n - 1) * after.sd ** 2) / (before.n + after.n - 2));
	return { difference, ci95, df, pooledSd: pooled > 0 ? pooled : null, cohensD: pooled > 0 ? difference / pooled : null };
}
