// A pilot's evaluation per aspect, exactly as DESIGN.md ("Networks") fixes it: per firm the change
// D = mean(after) - mean(before) where both rounds have a firm mean; per arm the mean of D; the difference in
// differences DID = mean D (pilot) - mean D (comparison) with its 95% Welch interval over the two sets of D;
// the effect size DID / SD (n - 1) of all employees' aspect scores in the before rounds of the firms that have
// a D, both arms together. Only when each arm has at least k firms with a D; otherwise the figures are null
// and the firm counts stay. Firms, not employees, are the units.
import { ASPECT_IDS } from '../knowledge/entry';
import type { RoundPair } from '../network/coordinator-view';
import type { PilotEvaluation } from '../network/published';
import { effectiveThreshold } from '../privacy/threshold';
import { summarize, welchChange, type GroupFigures } from '../stats';

export type AspectId = (typeof ASPECT_IDS)[number];
export const ARMS = ['pilot', 'comparison'] as const;
export type Arm = (typeof ARMS)[number];

/** A firm's published employee figures of one round per aspect; an aspect without a firm mean is absent or null. */
export type RoundFigures = Partial<Record<AspectId, GroupFigures | null>>;

export interface PilotFirmFigures {
	/**
	 * Stands for this firm's D values: the same firm with the same published versions of the same rounds has the
	 * same D, in any pilot. Disclosure control uses it as the unit (see disclosure.ts).
	 */
	unit: string;
	arm: Arm;
	before: RoundFigures | null;
	/** Null while the firm has no after round (or it has no employee figures yet). */
	after: RoundFigures | null;
	/**
	 * The published versions of its two rounds as round units, which benchmark snapshots use too, so that an
	 * evaluation and the snapshots are tested together (network/coordinator-view.ts). Known whenever the firm can
	 * have a change (both rounds published); an aspect in which a firm with a change lacks it is hidden.
	 */
	rounds?: RoundPair;
}

export interface ArmChanges {
	/** Units of the firms with a D on this aspect, in input order. */
	units: string[];
	/** Their round pairs, where known. */
	pairs: RoundPair[];
	changes: number[];
	/** The before figures of those firms, for the effect size. */
	before: GroupFigures[];
}

const hasMean = (f: GroupFigures | null | undefined): f is GroupFigures => f !== null && f !== undefined && f.n >= 1 && Number.isFinite(f.mean);

/** The firms of one arm that have a D on this aspect, with their D. */
export function armChanges(firms: readonly PilotFirmFigures[], arm: Arm, aspect: AspectId): ArmChanges {
	const result: ArmChanges = { units: [], pairs: [], changes: [], before: [] };
	for (const firm of firms) {
		if (firm.arm !== arm) continue;
		const before = firm.before?.[aspect];
		const after = firm.after?.[aspect];
		if (!hasMean(before) || !hasMean(after)) continue;
		result.units.push(firm.unit);
		if (firm.rounds) result.pairs.push(firm.rounds);
		result.changes.push(after.mean - before.mean);
		result.before.push(before);
	}
	return result;
}

/**
 * SD (n - 1) of all employees' scores of several groups together, exactly from each group's n, mean and SD:
 * total SS = sum (n_i - 1) s_i^2 + sum n_i (m_i - M)^2 over N = sum n_i, SD = sqrt(SS / (N - 1)). A group of one
 * has no SD of its own and adds only its distance to M. Null under two employees or without any spread.
 */
export function pooledEmployeeSd(groups: readonly GroupFigures[]): number | null {
	const total = groups.reduce((sum, g) => sum + g.n, 0);
	if (total < 2) return null;
	const grand = groups.reduce((sum, g) => sum + g.n * g.mean, 0) / total;
	const within = groups.reduce((sum, g) => sum + (g.n >= 2 ? (g.n - 1) * (g.sd ?? 0) ** 2 : 0), 0);
	const between = groups.reduce((sum, g) => sum + g.n * (g.mean - grand) ** 2, 0);
	const sd = Math.sqrt((within + between) / (total - 1));
	return sd > 0 ? sd : null;
}

export type EvaluatedAspect = PilotEvaluation['aspects'][number];

/**
 * One aspect's evaluation. `hidden` is disclosure control's verdict for this aspect: true when showing its
 * figures would let someone work out a few firms' changes from this and earlier evaluations.
 */
export function evaluateAspect(firms: readonly PilotFirmFigures[], aspect: AspectId, k: number, hidden = false): EvaluatedAspect {
	const pilot = armChanges(firms, 'pilot', aspect);
	const comparison = armChanges(firms, 'comparison', aspect);
	const counts = { pilot: pilot.units.length, comparison: comparison.units.length };
	const empty: EvaluatedAspect = {
		id: aspect,
		pilot: { firms: counts.pilot, change: null },
		comparison: { firms: counts.comparison, change: null },
		did: null,
		ci95: null,
		effectSize: null
	};
	if (hidden || counts.pilot < k || counts.comparison < k) return empty;
	const p = summarize(pilot.changes);
	const c = summarize(comparison.changes);
	if (p.mean === null || c.mean === null) return empty;
	const did = p.mean - c.mean;
	// welchChange(before, after) gives after - before: the comparison arm stands where "before" is.
	const welch = welchChange(figures(c.n, c.mean, c.sd), figures(p.n, p.mean, p.sd));
	const sd = pooledEmployeeSd([...pilot.before, ...comparison.before]);
	return {
		id: aspect,
		pilot: { firms: counts.pilot, change: p.mean },
		comparison: { firms: counts.comparison, change: c.mean },
		did,
		ci95: welch.ci95,
		effectSize: sd === null ? null : did / sd
	};
}

function figures(n: number, mean: number, sd: number | null): GroupFigures {
	return { n, mean, sd: sd ?? 0 };
}

export interface EvaluatePilotInput {
	pilot: string;
	k?: number;
	firms: readonly PilotFirmFigures[];
	/** Aspects whose figures disclosure control hides. */
	hidden?: ReadonlySet<AspectId>;
}

/** The evaluation as `pilot evaluate --format json` prints it (domain/network pilotEvaluationSchema). */
export function evaluatePilot(input: EvaluatePilotInput): PilotEvaluation {
	const k = effectiveThreshold(input.k);
	return {
		pilot: input.pilot,
		threshold: k,
		aspects: ASPECT_IDS.map((aspect) => evaluateAspect(input.firms, aspect, k, input.hidden?.has(aspect) ?? false))
	};
}
