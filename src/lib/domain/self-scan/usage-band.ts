// What a firm learns about its self-scan link: how many used it, in bands of k, and nothing else.
// Bands of k mean one new use does not show unless it crosses a band's edge, and the firm never sees
// anything of what was answered.

export type UsageBand = { kind: 'none' } | { kind: 'fewerThan'; k: number } | { kind: 'between'; low: number; high: number };

/** 0 is "none"; 1 to k-1 is "fewer than k"; from k on, k·i to k·(i+1)-1. */
export function usageBand(uses: number, k: number): UsageBand {
	if (!Number.isInteger(k) || k < 1) throw new RangeError('k must be a whole number of at least 1');
	if (uses <= 0) return { kind: 'none' };
	if (uses < k) return { kind: 'fewerThan', k };
	const low = Math.floor(uses / k) * k;
	return { kind: 'between', low, high: low + k - 1 };
}
