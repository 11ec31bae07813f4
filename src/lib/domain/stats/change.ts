import { summarize, tQuantile, validValues, type Interval, type Summary } from './descriptive';
import { sampleVariance } from 'simple-statistics';

export interface Change {
	before: Summary;
	after: Summary;
	/** after mean minus before mean. */
	difference: number | null;
	/** Welch interval: the rounds are anonymous, so they are independent samples with unequal variances. */
	ci95: Interval | null;
	/** Welch-Satterthwaite degrees of freedom. */
	df: number | null;
	/** difference / pooled SD, pooled as sqrt(((n1-1)s1^2 + (n2-1)s2^2) / (n1 + n2 - 2)). */
	cohensD: number | null;
}

export function meanDifference(
	before: readonly (number | null | undefined)[],
	after: readonly (number | null | undefined)[]
): Change {
	const a = validValues(before);
	const b = validValues(after);
	const summaryBefore = summarize(a);
	const summaryAfter = summarize(b);
	const difference =
		summaryBefore.mean !== null && summaryAfter.mean !== null
			? summaryAfter.mean - summaryBefore.mean
			: null;
	let ci95: Interval | null = null;
	let df: number | null = null;
	let cohensD: number | null = null;
	if (difference !== null && a.length >= 2 && b.length >= 2) {
		const va = sampleVariance(a) / a.length;
		const vb = sampleVariance(b) / b.length;
		const se = Math.sqrt(va + vb);
		if (se > 0) {
			df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
			const t = tQuantile(0.975, df);
			if (t !== null) ci95 = [difference - t * se, difference + t * se];
		}
		const pooled = Math.sqrt(
			((a.length - 1) * sampleVariance(a) + (b.length - 1) * sampleVariance(b)) / (a.length + b.length - 2)
		);
		if (pooled > 0) cohensD = difference / pooled;
	}
	return { before: summaryBefore, after: summaryAfter, difference, ci95, df, cohensD };
}
