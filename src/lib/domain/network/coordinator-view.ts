// Everything a network coordinator sees, taken together in one disclosure test (DESIGN.md: "every snapshot
// is part of the disclosure test. A pilot's evaluation is a snapshot too"). A benchmark snapshot shows sums
// of firms' round means; a pilot's evaluation shows, per arm, sums of firms' changes (after minus before).
// Side by side these can single out one firm that neither shows on its own: a firm that was in a pilot and
// then left the network is (evaluation - change between two snapshots) alone.
//
// Firms' round figures are the units, as `firm:round:version` (roundUnit). The test runs twice with the same
// disclosure module, because "a few firms' figures" can mean two things:
// 1. in round units, a change being the after rounds minus the before rounds: stops working out the mean of
//    1 to k-1 firms' rounds;
// 2. in change units, each after round written as its before round plus the firm's change: stops working out
//    the change of 1 to k-1 firms (also between two snapshots, without any pilot).
import { discloseMeasure, type NewShownSet, type ShownSet } from '../privacy/disclosure';

/** The unit of one published version of a firm's round, shared by benchmark snapshots and pilot evaluations. */
export function roundUnit(firmId: string, roundId: string, version: number | string): string {
	return `${firmId}:${roundId}:${version}`;
}

/** One firm's change in a pilot: its before and after round units. */
export interface RoundPair {
	before: string;
	after: string;
}

/** A figure a coordinator sees: a plain sum over round units (`members`), or a sum of changes (`pairs`). */
export interface SeenFigure {
	id: string;
	members?: readonly string[];
	pairs?: readonly RoundPair[];
}

export type NewSeenFigure = SeenFigure & Pick<NewShownSet, 'group' | 'order' | 'hideable'>;

function inRounds(figure: SeenFigure): ShownSet {
	const pairs = figure.pairs ?? [];
	return { id: figure.id, members: [...(figure.members ?? []), ...pairs.map((p) => p.after)], minus: pairs.map((p) => p.before) };
}

const changeUnit = (pair: RoundPair) => `change:${pair.before}>${pair.after}`;

/**
 * Change coordinates: an after round that some pair starts from a before round is written as that round plus
 * the pair's change (the first pair that names it wins; later pairs stay differences). Null when a figure
 * would need a weight other than 1 or -1, which the disclosure module does not take: never for one round and
 * one change per firm, the pilots this app sets up.
 */
function inChanges(figures: readonly SeenFigure[]): ShownSet[] | null {
	const written = new Map<string, Map<string, number>>();
	for (const pair of [...figures.flatMap((f) => f.pairs ?? []), ...successions(figures)]) {
		if (pair.after === pair.before || written.has(pair.after)) continue;
		const start = expression(pair.before, written);
		// Writing a round in terms of itself would lose what it stands for.
		if (start.has(pair.after)) continue;
		written.set(pair.after, add(start, new Map([[changeUnit(pair), 1]]), 1));
	}
	const result: ShownSet[] = [];
	for (const figure of figures) {
		let sum = new Map<string, number>();
		for (const unit of figure.members ?? []) sum = add(sum, expression(unit, written), 1);
		for (const pair of figure.pairs ?? []) sum = add(add(sum, expression(pair.after, written), 1), expression(pair.before, written), -1);
		const members: string[] = [];
		const minus: string[] = [];
		for (const [unit, weight] of sum) {
			if (weight === 1) members.push(unit);
			else if (weight === -1) minus.push(unit);
			else if (weight !== 0) return null;
		}
		result.push({ id: figure.id, members, minus });
	}
	return result;
}

/**
 * A firm's round units in the order they were first shown, each next one as a change from the one before: two
 * snapshots that differ by a few firms' newer rounds show those firms' changes, pilot or not.
 */
function successions(figures: readonly SeenFigure[]): RoundPair[] {
	const byFirm = new Map<string, string[]>();
	for (const figure of figures) {
		for (const unit of [...(figure.members ?? []), ...(figure.pairs ?? []).flatMap((p) => [p.before, p.after])]) {
			const firm = unit.split(':')[0]!;
			const units = byFirm.get(firm) ?? [];
			if (!units.includes(unit)) byFirm.set(firm, [...units, unit]);
		}
	}
	return [...byFirm.values()].flatMap((units) => units.slice(1).map((after, i) => ({ before: units[i]!, after })));
}

function expression(unit: string, written: ReadonlyMap<string, Map<string, number>>): Map<string, number> {
	return written.get(unit) ?? new Map([[unit, 1]]);
}

function add(sum: ReadonlyMap<string, number>, term: ReadonlyMap<string, number>, sign: 1 | -1): Map<string, number> {
	const result = new Map(sum);
	for (const [unit, weight] of term) result.set(unit, (result.get(unit) ?? 0) + sign * weight);
	return result;
}

/**
 * The new figures (of one aspect) to hide so that, with everything the coordinator has seen of that aspect,
 * no 1 to k-1 firms' round means nor changes can be worked out. Earlier figures never change.
 */
export function hiddenFromCoordinator(input: { k: number; seen: readonly SeenFigure[]; fresh: readonly NewSeenFigure[] }): string[] {
	const asNew = (f: NewSeenFigure, set: ShownSet): NewShownSet => ({ ...set, group: f.group, order: f.order, ...(f.hideable === undefined ? {} : { hideable: f.hideable }) });
	const hidden = new Set(
		discloseMeasure({ k: input.k, earlier: input.seen.map(inRounds), shown: input.fresh.map((f) => asNew(f, inRounds(f))) }).hidden
	);
	const left = input.fresh.filter((f) => !hidden.has(f.id));
	const changes = inChanges([...input.seen, ...left]);
	if (changes === null) return [...hidden, ...left.map((f) => f.id)];
	const seen = input.seen.length;
	const shown = left.map((f, i) => asNew(f, changes[seen + i]!));
	for (const id of discloseMeasure({ k: input.k, earlier: changes.slice(0, seen), shown }).hidden) hidden.add(id);
	return [...hidden];
}
