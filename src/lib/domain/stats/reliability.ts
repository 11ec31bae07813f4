import { sampleVariance } from 'simple-statistics';

/** Below this many complete respondents alpha is too unstable to report. */
export const alphaMinimumRespondents = 10;

/**
 * Cronbach's alpha: k/(k-1) * (1 - sum of item variances / variance of the sum score), with sample
 * variances (n - 1). `rows` holds only respondents who answered every item, one array of item scores
 * each. Null when there are too few rows, fewer than two items, or no variance in the sum score.
 */
export function cronbachAlpha(
	rows: readonly (readonly number[])[],
	minimumRespondents: number = alphaMinimumRespondents
): number | null {
	const first = rows[0];
	if (rows.length < Math.max(2, minimumRespondents) || first === undefined) return null;
	const k = first.length;
	if (k < 2 || rows.some((row) => row.length !== k || row.some((v) => !Number.isFinite(v)))) return null;
	let itemVarianceSum = 0;
	for (let item = 0; item < k; item++) {
		itemVarianceSum += sampleVariance(rows.map((row) => row[item] as number));
	}
	const totalVariance = sampleVariance(rows.map((row) => row.reduce((sum, v) => sum + v, 0)));
	if (totalVariance === 0) return null;
	return (k / (k - 1)) * (1 - itemVarianceSum / totalVariance);
}
