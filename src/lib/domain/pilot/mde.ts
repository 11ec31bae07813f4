// The minimum detectable effect a coordinator sees before a pilot starts, exactly as DESIGN.md ("Networks")
// fixes it: MDE = 2.80 x sqrt(4 x DE / (J x m)) in SD units, DE = 1 + (m - 1) x ICC. Employees are clustered
// in firms, so a firm's employees count for less than as many independent people: the design effect says how
// much less. The ICC comes from the network itself once it has enough firms, else a usual value for firms.
import type { GroupFigures } from '../stats';

/** 1.96 + 0.84: a two-sided 5% test with 80% power. */
export const MDE_MULTIPLIER = 2.8;
/** The ICC used while the network has fewer than 2k firms with figures. */
export const DEFAULT_ICC = 0.1;

/**
 * ICC(1) from a one-way ANOVA of employees' aspect scores within firms, computed exactly from each firm's
 * n, mean and SD (n - 1): SSB = sum n_i (m_i - M)^2, SSW = sum (n_i - 1) s_i^2, MSB = SSB / (g - 1),
 * MSW = SSW / (N - g), n0 = (N - sum n_i^2 / N) / (g - 1), ICC = (MSB - MSW) / (MSB + (n0 - 1) MSW).
 * Null when it cannot be computed (fewer than two firms, no employee within a firm to compare, no variance).
 */
export function iccOne(firms: readonly GroupFigures[]): number | null {
	const used = firms.filter((f) => f.n >= 1 && Number.isFinite(f.mean));
	const g = used.length;
	const total = used.reduce((sum, f) => sum + f.n, 0);
	if (g < 2 || total - g < 1) return null;
	const grand = used.reduce((sum, f) => sum + f.n * f.mean, 0) / total;
	const between = used.reduce((sum, f) => sum + f.n * (f.mean - grand) ** 2, 0);
	const within = used.reduce((sum, f) => sum + (f.n - 1) * (f.sd ?? 0) ** 2, 0);
	const msb = between / (g - 1);
	const msw = within / (total - g);
	const n0 = (total - used.reduce((sum, f) => sum + f.n ** 2, 0) / total) / (g - 1);
	const denominator = msb + (n0 - 1) * msw;
	if (!(denominator > 0)) return null;
	return (msb - msw) / denominator;
}

export interface NetworkIcc {
	icc: number;
	/** network: estimated from the network's own firms; default: DEFAULT_ICC, too few firms to estimate it. */
	source: 'network' | 'default';
	/** Firms it was estimated from (0 with the default). */
	firms: number;
}

/**
 * The ICC for the MDE: ICC(1) over the network's firms when at least 2k of them have figures, else 0.10.
 * A negative estimate means the firms differ less than chance would make them; it counts as 0 (no
 * clustering), since a design effect below 1 would promise more than the data can give.
 */
export function networkIcc(firms: readonly GroupFigures[], k: number): NetworkIcc {
	const usable = firms.filter((f) => f.n >= 1);
	if (usable.length < 2 * k) return { icc: DEFAULT_ICC, source: 'default', firms: 0 };
	const icc = iccOne(usable);
	if (icc === null) return { icc: DEFAULT_ICC, source: 'default', firms: 0 };
	return { icc: Math.min(1, Math.max(0, icc)), source: 'network', firms: usable.length };
}

export function designEffect(respondentsPerFirm: number, icc: number): number {
	return 1 + (respondentsPerFirm - 1) * icc;
}

/**
 * MDE in SD units for J firms per arm and m respondents per firm and round (4 = two arms x two rounds).
 * Null without at least one firm and one respondent.
 */
export function minimumDetectableEffect(input: { firmsPerArm: number; respondentsPerFirm: number; icc: number }): number | null {
	const { firmsPerArm: j, respondentsPerFirm: m, icc } = input;
	if (!(j >= 1) || !(m >= 1) || !Number.isFinite(icc)) return null;
	return MDE_MULTIPLIER * Math.sqrt((4 * designEffect(m, icc)) / (j * m));
}
