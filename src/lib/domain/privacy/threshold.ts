export const defaultThreshold = 5;
export const minimumThreshold = 3;

/**
 * The anonymity threshold k actually applied: 5 when not given, never below 3, and a whole number
 * (a fractional k is rounded up, so it never protects less than asked).
 */
export function effectiveThreshold(k?: number | null): number {
	if (k === undefined || k === null || !Number.isFinite(k)) return defaultThreshold;
	return Math.max(minimumThreshold, Math.ceil(k));
}
