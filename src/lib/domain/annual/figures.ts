// What the platform's own figures say about a pilot and about the network, as findings that the server
// writes out in words (in a progress talk and in the annual report). Only what the published snapshots hold
// is used: nothing is estimated, and where a snapshot has no figure the finding says so instead.
import type { NetworkReport, PilotEvaluation } from '../network/published';

/** Cohen's rule of thumb for an effect size in SD units; a reading aid, not a verdict. */
export type EffectWord = 'negligible' | 'small' | 'medium' | 'large';

/** Where the 95% interval of the difference in differences lies. */
export type IntervalPlace = 'above-zero' | 'below-zero' | 'around-zero';

export type AspectId = PilotEvaluation['aspects'][number]['id'];

export type PilotAspectFinding =
	| {
			kind: 'estimated';
			aspect: AspectId;
			pilotFirms: number;
			comparisonFirms: number;
			pilotChange: number | null;
			comparisonChange: number | null;
			did: number;
			interval: [number, number] | null;
			effectSize: number | null;
			effect: EffectWord | null;
			place: IntervalPlace | null;
	  }
	/** Fewer than k firms with a before and an after round in an arm: no change is published. */
	| { kind: 'too-few'; aspect: AspectId; pilotFirms: number; comparisonFirms: number; threshold: number };

export interface PilotFindings {
	pilot: string;
	threshold: number;
	aspects: PilotAspectFinding[];
	/** How many aspects have an estimate, and where their intervals lie. */
	estimated: number;
	aboveZero: number;
	belowZero: number;
	aroundZero: number;
}

export function effectWord(effectSize: number): EffectWord {
	const size = Math.abs(effectSize);
	if (size < 0.2) return 'negligible';
	if (size < 0.5) return 'small';
	if (size < 0.8) return 'medium';
	return 'large';
}

export function intervalPlace([low, high]: [number, number]): IntervalPlace {
	if (low > 0) return 'above-zero';
	if (high < 0) return 'below-zero';
	return 'around-zero';
}

export function pilotFindings(evaluation: PilotEvaluation | null): PilotFindings | null {
	if (!evaluation) return null;
	const aspects = evaluation.aspects.map((a): PilotAspectFinding => {
		if (a.did === null) return { kind: 'too-few', aspect: a.id, pilotFirms: a.pilot.firms, comparisonFirms: a.comparison.firms, threshold: evaluation.threshold };
		return {
			kind: 'estimated',
			aspect: a.id,
			pilotFirms: a.pilot.firms,
			comparisonFirms: a.comparison.firms,
			pilotChange: a.pilot.change,
			comparisonChange: a.comparison.change,
			did: a.did,
			interval: a.ci95,
			effectSize: a.effectSize,
			effect: a.effectSize === null ? null : effectWord(a.effectSize),
			place: a.ci95 === null ? null : intervalPlace(a.ci95)
		};
	});
	const estimated = aspects.filter((a) => a.kind === 'estimated');
	const count = (place: IntervalPlace) => estimated.filter((a) => a.place === place).length;
	return {
		pilot: evaluation.pilot,
		threshold: evaluation.threshold,
		aspects,
		estimated: estimated.length,
		aboveZero: count('above-zero'),
		belowZero: count('below-zero'),
		aroundZero: count('around-zero')
	};
}

export interface BenchmarkFindings {
	firms: number;
	threshold: number;
	/** Highest and lowest mean of firm means; null when no aspect has a mean. Ties go to the first aspect. */
	highest: { aspect: AspectId; mean: number } | null;
	lowest: { aspect: AspectId; mean: number } | null;
	/** Quartiles are published only from 2k firms. */
	quartiles: boolean;
	shownGroups: number;
	hiddenGroups: number;
}

export function benchmarkFindings(report: NetworkReport | null): BenchmarkFindings | null {
	if (!report) return null;
	const withMean = report.aspects.filter((a): a is typeof a & { mean: number } => a.mean !== null);
	let highest: BenchmarkFindings['highest'] = null;
	let lowest: BenchmarkFindings['lowest'] = null;
	for (const a of withMean) {
		if (!highest || a.mean > highest.mean) highest = { aspect: a.id, mean: a.mean };
		if (!lowest || a.mean < lowest.mean) lowest = { aspect: a.id, mean: a.mean };
	}
	const groups = report.groupings.flatMap((g) => g.groups);
	return {
		firms: report.firms,
		threshold: report.threshold,
		highest: withMean.length > 1 ? highest : null,
		lowest: withMean.length > 1 ? lowest : null,
		quartiles: report.aspects.some((a) => a.p50 !== null),
		shownGroups: groups.filter((g) => !g.suppressed).length,
		hiddenGroups: groups.filter((g) => g.suppressed).length
	};
}

/** The "figures" part of a progress talk: the pilot's evaluation when the talk is about a pilot, and the network's benchmark. */
export interface TalkFigures {
	pilot: PilotFindings | null;
	benchmark: BenchmarkFindings | null;
}

export function talkFigures(input: { evaluation: PilotEvaluation | null; benchmark: NetworkReport | null }): TalkFigures {
	return { pilot: pilotFindings(input.evaluation), benchmark: benchmarkFindings(input.benchmark) };
}
