import { effectiveThreshold } from './threshold';

export interface GroupCount {
	category: string;
	n: number;
}

export interface SuppressedGroup {
	category: string;
	n: number;
	suppressed: boolean;
	/** Hidden although large enough, so that the hidden total cannot be derived by subtraction. */
	complementary: boolean;
}

export interface SuppressionResult {
	k: number;
	groups: SuppressedGroup[];
	/** Respondents not in any shown group: skipped the question, or in a suppressed group. 0 or >= k. */
	hiddenTotal: number;
}

export interface SuppressionOptions {
	k?: number;
	/** Respondents who skipped the question; they form a group that is never shown. */
	unanswered?: number;
}

/**
 * Decides which groups of one breakdown may be shown. Every shown group has at least k respondents, and
 * the respondents not shown add up to 0 or at least k: while the hidden total lies between 1 and k - 1,
 * the smallest shown group is hidden too (the first in the given order when sizes tie). Since a shown
 * group holds at least k, one extra group is always enough. When no group is shown at all, the hidden
 * total can be small, but then there is nothing to subtract from.
 */
export function suppressSmallGroups(
	groups: readonly GroupCount[],
	options: SuppressionOptions = {}
): SuppressionResult {
	const k = effectiveThreshold(options.k);
	const result: SuppressedGroup[] = groups.map((g) => ({
		category: g.category,
		n: g.n,
		suppressed: g.n < k,
		complementary: false
	}));
	let hiddenTotal =
		Math.max(0, options.unanswered ?? 0) +
		result.filter((g) => g.suppressed).reduce((sum, g) => sum + g.n, 0);
	while (hiddenTotal > 0 && hiddenTotal < k) {
		let smallest: SuppressedGroup | undefined;
		for (const group of result) {
			if (!group.suppressed && (smallest === undefined || group.n < smallest.n)) smallest = group;
		}
		if (smallest === undefined) break;
		smallest.suppressed = true;
		smallest.complementary = true;
		hiddenTotal += smallest.n;
	}
	return { k, groups: result, hiddenTotal };
}
