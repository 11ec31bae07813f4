// A network's benchmark, exactly as DESIGN.md ("Networks (exact)") fixes it: firms are the units, each firm
// weighs the same. Per aspect the number of firms with a firm mean, the mean of those means, and P25/P50/P75
// (R type 7) only from 2k firms; groupings by sector, size band and province with small groups hidden, and
// then the disclosure test (privacy/disclosure.ts) with firms as units over everything a coordinator sees,
// earlier snapshots included. Pure: the shell hands in the firms' means and the earlier snapshots' sets.
import { ASPECT_IDS } from '../knowledge/entry';
import { PROVINCES, SECTORS } from '../firm/attributes';
import type { NewShownSet, ShownSet } from '../privacy/disclosure';
import { suppressSmallGroups } from '../privacy/suppression';
import { effectiveThreshold } from '../privacy/threshold';
import { hiddenFromCoordinator, type SeenFigure } from './coordinator-view';
import { GROUPING_VARIABLES, SIZE_BANDS, type GroupingVariable, type NetworkReport, type SizeBand } from './published';

export type AspectId = (typeof ASPECT_IDS)[number];

export interface BenchmarkFirm {
	/**
	 * The unit for disclosure control: the firm together with the version its figures come from
	 * (`firm:round:version`). A firm whose figures changed is a new unit, so an earlier snapshot's sum
	 * over it is never mistaken for a sum over today's figures.
	 */
	unit: string;
	sector: string | null;
	employees: number | null;
	province: string | null;
	/** The firm mean per aspect from its stored report version; null where the version shows none. */
	means: Partial<Record<AspectId, number | null>>;
}

/** What one snapshot showed, per aspect: the sets of units behind every figure shown. */
export type SnapshotShownSets = Partial<Record<AspectId, ShownSet[]>>;

/** What one pilot evaluation showed, per aspect: each arm's firms as pairs of round units (coordinator-view.ts). */
export type SeenChanges = Partial<Record<AspectId, SeenFigure[]>>;

export interface BenchmarkInput {
	network: string;
	k?: number;
	firms: readonly BenchmarkFirm[];
	/** Every earlier snapshot's shown sets; they were published and take part in the test. */
	earlier?: readonly SnapshotShownSets[];
	/** Every pilot evaluation the coordinator has seen, per aspect its arms as firms' changes; they take part too. */
	changes?: readonly SeenChanges[];
	/** The label of a category (sector, size band or province id) in the reader's language. */
	label?: (variable: GroupingVariable, category: string) => string;
}

export interface Benchmark {
	report: NetworkReport;
	/** The sets this benchmark shows, to be stored with its snapshot. */
	shown: SnapshotShownSets;
}

/** R type 7 (numpy's default): linear interpolation between order statistics, h = (n - 1) p. */
export function quantile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) throw new Error('No values for a quantile');
	const h = (sorted.length - 1) * p;
	const low = Math.floor(h);
	const high = Math.min(low + 1, sorted.length - 1);
	return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

export function sizeBand(employees: number | null): SizeBand | null {
	if (employees === null || !Number.isFinite(employees) || employees < 0) return null;
	if (employees < 10) return '1-9';
	if (employees < 50) return '10-49';
	if (employees < 250) return '50-249';
	return '250+';
}

const CATEGORIES: Record<GroupingVariable, readonly string[]> = {
	sector: SECTORS,
	size: SIZE_BANDS,
	province: PROVINCES.filter((p) => p !== 'onbekend')
};

function categoryOf(firm: BenchmarkFirm, variable: GroupingVariable): string | null {
	const value = variable === 'size' ? sizeBand(firm.employees) : variable === 'sector' ? firm.sector : firm.province;
	return value !== null && CATEGORIES[variable].includes(value) ? value : null;
}

function mean(values: readonly number[]): number {
	return values.reduce((s, v) => s + v, 0) / values.length;
}

function valueOf(firm: BenchmarkFirm, aspect: AspectId): number | null {
	const v = firm.means[aspect];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function groupSetId(variable: GroupingVariable, category: string): string {
	return `${variable}:${category}`;
}

export function computeBenchmark(input: BenchmarkInput): Benchmark {
	const k = effectiveThreshold(input.k);
	const label = input.label ?? ((_v: GroupingVariable, c: string) => c);
	const firms = input.firms;

	// Groupings: a group is shown with at least k firms, and the firms hidden in a grouping (those without a
	// value included) add up to 0 or at least k.
	const groupings = GROUPING_VARIABLES.map((variable, variableIndex) => {
		const present = CATEGORIES[variable]
			.map((category, categoryIndex) => ({
				category,
				categoryIndex,
				members: firms.filter((f) => categoryOf(f, variable) === category)
			}))
			.filter((g) => g.members.length > 0);
		const unanswered = firms.filter((f) => categoryOf(f, variable) === null).length;
		const decided = suppressSmallGroups(
			present.map((g) => ({ category: g.category, n: g.members.length })),
			{ k, unanswered }
		);
		return {
			variable,
			variableIndex,
			groups: present.map((g, i) => ({ ...g, suppressed: decided.groups[i]!.suppressed }))
		};
	});

	// Per aspect: the sets that would be shown, then the disclosure test over them and every earlier snapshot.
	const shown: SnapshotShownSets = {};
	const shownByAspect = new Map<AspectId, Set<string>>();
	for (const aspect of ASPECT_IDS) {
		const withValue = firms.filter((f) => valueOf(f, aspect) !== null);
		const candidates: NewShownSet[] = [];
		if (withValue.length >= k) {
			candidates.push({ id: 'total', members: withValue.map((f) => f.unit), group: false, order: 0 });
			for (const grouping of groupings) {
				for (const g of grouping.groups) {
					if (g.suppressed) continue;
					const members = g.members.filter((f) => valueOf(f, aspect) !== null).map((f) => f.unit);
					// A group's mean rests on at least k firms with a value, like every figure.
					if (members.length < k) continue;
					candidates.push({
						id: groupSetId(grouping.variable, g.category),
						members,
						group: true,
						order: 1 + grouping.variableIndex * 100 + g.categoryIndex
					});
				}
			}
		}
		const earlier = (input.earlier ?? []).flatMap((s) => s[aspect] ?? []);
		const changes = (input.changes ?? []).flatMap((s) => s[aspect] ?? []);
		const hidden = new Set(hiddenFromCoordinator({ k, seen: [...earlier, ...changes], fresh: candidates }));
		const kept = candidates.filter((c) => !hidden.has(c.id));
		shown[aspect] = kept.map((c) => ({ id: c.id, members: [...c.members].sort() }));
		shownByAspect.set(aspect, new Set(kept.map((c) => c.id)));
	}
	const isShown = (aspect: AspectId, id: string) => shownByAspect.get(aspect)!.has(id);

	const aspects = ASPECT_IDS.map((aspect) => {
		const values = firms.map((f) => valueOf(f, aspect)).filter((v): v is number => v !== null);
		const sorted = [...values].sort((a, b) => a - b);
		const showMean = isShown(aspect, 'total');
		const quartiles = showMean && values.length >= 2 * k;
		return {
			id: aspect,
			firms: values.length,
			mean: showMean ? mean(values) : null,
			p25: quartiles ? quantile(sorted, 0.25) : null,
			p50: quartiles ? quantile(sorted, 0.5) : null,
			p75: quartiles ? quantile(sorted, 0.75) : null
		};
	});

	const report: NetworkReport = {
		network: input.network,
		threshold: k,
		firms: firms.length,
		aspects,
		groupings: groupings.map((grouping) => ({
			variable: grouping.variable,
			groups: grouping.groups.map((g) => ({
				category: g.category,
				label: label(grouping.variable, g.category),
				firms: g.suppressed ? null : g.members.length,
				suppressed: g.suppressed,
				aspects: g.suppressed
					? null
					: (Object.fromEntries(
							ASPECT_IDS.map((aspect) => {
								if (!isShown(aspect, groupSetId(grouping.variable, g.category))) return [aspect, null];
								const values = g.members.map((f) => valueOf(f, aspect)).filter((v): v is number => v !== null);
								return [aspect, mean(values)];
							})
						) as Record<AspectId, number | null>)
			}))
		}))
	};
	return { report, shown };
}

/** A firm as the last snapshot counted it, and as it would be counted now. */
export interface CountedFirm {
	firmId: string;
	unit: string;
}

/**
 * A new snapshot is due only when at least k firms joined, left or got newer figures since the last one (or,
 * for the first, when at least k firms count), so no two snapshots differ by fewer than k firms.
 */
export function snapshotDue(previous: readonly CountedFirm[] | null, current: readonly CountedFirm[], kGiven?: number): boolean {
	const k = effectiveThreshold(kGiven);
	if (previous === null) return current.length >= k;
	return firmsChanged(previous, current) >= k;
}

export function firmsChanged(previous: readonly CountedFirm[], current: readonly CountedFirm[]): number {
	const before = new Map(previous.map((f) => [f.firmId, f.unit]));
	const now = new Map(current.map((f) => [f.firmId, f.unit]));
	let changed = 0;
	for (const [firmId, unit] of now) if (before.get(firmId) !== unit) changed += 1;
	for (const firmId of before.keys()) if (!now.has(firmId)) changed += 1;
	return changed;
}
