// Disclosure control for pilot evaluations, with firms as the units (DESIGN.md "Disclosure control (exact)"
// and "Networks"). What a coordinator must never learn is one firm's change D, nor a firm's change between
// two of its rounds, by putting evaluations side by side: of one pilot over time, or of two pilots that share
// firms. Three lines of defence:
//
// 1. A new evaluation is stored only when the firms with figures differ from every earlier evaluation in the
//    network that showed figures by 0 or at least k (a firm counts as different when it is in only one of them
//    or has another published version of a round in it). That stops the one thing sets cannot see: the same
//    firms with one firm's round replaced.
// 2. Every aspect's arm sets, as units "firm + published versions of its two rounds", go through the generic
//    disclosure test together with the sets of every earlier evaluation in the network; an aspect that would
//    leave a set of 1 to k-1 firms exposed is not shown in the new evaluation.
// 3. The arms, as changes between firms' round figures, go through the test once more together with every
//    benchmark snapshot the coordinator has seen (network/coordinator-view.ts). An aspect whose arms lack a
//    firm's round pair cannot be tested, and is hidden.
import { discloseMeasure, type NewShownSet, type ShownSet } from '../privacy/disclosure';
import { effectiveThreshold } from '../privacy/threshold';
import { ASPECT_IDS } from '../knowledge/entry';
import type { SeenChanges, SnapshotShownSets } from '../network/benchmark';
import { hiddenFromCoordinator, type RoundPair } from '../network/coordinator-view';
import { armChanges, ARMS, type AspectId, type PilotFirmFigures } from './evaluate';

/**
 * Per aspect, the sets of firm units whose figures an evaluation shows (the two arms, or nothing), each with its
 * firms' round pairs for the test against benchmark snapshots.
 */
export type EvaluationShownSets = Partial<Record<AspectId, (ShownSet & { pairs?: RoundPair[] })[]>>;

/** What a stored evaluation showed, as the changes benchmark snapshots are tested against. */
export function changesOf(shown: EvaluationShownSets, id: string): SeenChanges {
	return Object.fromEntries(
		Object.entries(shown).map(([aspect, sets]) => [aspect, (sets ?? []).filter((s) => s.pairs).map((s) => ({ id: `${id}:${s.id}`, pairs: s.pairs! }))])
	);
}

/** A firm that has a D on at least one aspect, with the unit that fixes its D values. */
export interface EvaluationEntry {
	firm: string;
	unit: string;
}

export interface EarlierEvaluation {
	/** Unique among the earlier evaluations, e.g. "pilot-id#3". */
	id: string;
	entries: readonly EvaluationEntry[];
	shown: EvaluationShownSets;
}

/** The firms with a D on any aspect: what the gate compares. */
export function evaluationEntries(firms: readonly (PilotFirmFigures & { firm: string })[]): EvaluationEntry[] {
	return firms
		.filter((f) => ASPECT_IDS.some((aspect) => armChanges([f], f.arm, aspect).units.length > 0))
		.map((f) => ({ firm: f.firm, unit: f.unit }))
		.sort((a, b) => a.firm.localeCompare(b.firm));
}

/** Firms in only one of the two lists, or in both with another unit (another published version). */
export function changedFirms(a: readonly EvaluationEntry[], b: readonly EvaluationEntry[]): number {
	const left = new Map(a.map((e) => [e.firm, e.unit]));
	const right = new Map(b.map((e) => [e.firm, e.unit]));
	let changed = 0;
	for (const [firm, unit] of left) if (right.get(firm) !== unit) changed++;
	for (const firm of right.keys()) if (!left.has(firm)) changed++;
	return changed;
}

/** An evaluation shows figures on at least one aspect; one without is not worth a version of its own. */
export const showsAnything = (shown: EvaluationShownSets) => Object.values(shown).some((sets) => (sets ?? []).length > 0);

/** `nothing-to-show`: the evaluation would show no figures (too few firms), so no version is stored for it. */
export type PublishVerdict = 'first' | 'changed' | 'unchanged' | 'too-few-changes' | 'nothing-to-show';

/**
 * Whether a new evaluation of a pilot may be stored. `previous` is the pilot's own latest evaluation;
 * `others` every other evaluation in the network (other pilots, and this pilot's older ones).
 */
export function evaluationVerdict(input: {
	k?: number;
	entries: readonly EvaluationEntry[];
	previous: EarlierEvaluation | null;
	others: readonly EarlierEvaluation[];
}): PublishVerdict {
	const k = effectiveThreshold(input.k);
	const tooClose = (e: EarlierEvaluation) => {
		if (!showsAnything(e.shown)) return false;
		const d = changedFirms(e.entries, input.entries);
		return d > 0 && d < k;
	};
	if (input.previous && changedFirms(input.previous.entries, input.entries) === 0) return 'unchanged';
	if (input.previous && tooClose(input.previous)) return 'too-few-changes';
	if (input.others.some(tooClose)) return 'too-few-changes';
	return input.previous ? 'changed' : 'first';
}

/**
 * The aspects a new evaluation may show, and the sets it then shows. Only aspects where both arms reach k
 * firms show anything (evaluate.ts); of those, an aspect whose arm sets, together with every earlier
 * evaluation's sets of that aspect, leave 1 to k-1 firms exposed is hidden whole.
 */
export function discloseEvaluation(input: {
	k?: number;
	firms: readonly PilotFirmFigures[];
	earlier: readonly EarlierEvaluation[];
	/** Every benchmark snapshot of the network the coordinator has seen. */
	snapshots?: readonly SnapshotShownSets[];
}): { hidden: Set<AspectId>; shown: EvaluationShownSets } {
	const k = effectiveThreshold(input.k);
	const hidden = new Set<AspectId>();
	const shown: EvaluationShownSets = {};
	for (const aspect of ASPECT_IDS) {
		const arms = ARMS.map((arm) => {
			const { units, pairs } = armChanges(input.firms, arm, aspect);
			return { arm, units, pairs };
		});
		if (arms.some((a) => a.units.length < k)) continue;
		const fresh: NewShownSet[] = arms.map((a, order) => ({ id: `new:${a.arm}`, members: a.units, group: true, order }));
		const earlier: ShownSet[] = input.earlier.flatMap((e) => (e.shown[aspect] ?? []).map((s) => ({ id: `${e.id}:${s.id}`, members: s.members })));
		const verdict = discloseMeasure({ k, shown: fresh, earlier });
		if (verdict.hidden.length > 0) {
			hidden.add(aspect);
			continue;
		}
		// Without every firm's round pair the test against the snapshots cannot run, and the stored sets would
		// carry no pairs for later snapshots to be tested against (changesOf skips them): hidden, whatever the
		// coordinator has seen so far. The app always has the pairs (a firm has a change only when both of its
		// rounds have a published version, server/pilot/evaluation.ts), so this stops only a caller that forgot them.
		if (arms.some((a) => a.pairs.length !== a.units.length)) {
			hidden.add(aspect);
			continue;
		}
		const seen = [
			...(input.snapshots ?? []).flatMap((s) => s[aspect] ?? []),
			...input.earlier.flatMap((e) => changesOf(e.shown, e.id)[aspect] ?? [])
		];
		const mixed = hiddenFromCoordinator({ k, seen, fresh: arms.map((a, order) => ({ id: `new:${a.arm}`, pairs: a.pairs, group: true, order })) });
		if (mixed.length > 0) {
			hidden.add(aspect);
			continue;
		}
		shown[aspect] = arms.map((a) => ({ id: a.arm, members: a.units, pairs: a.pairs }));
	}
	return { hidden, shown };
}
