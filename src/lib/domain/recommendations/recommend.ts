// Which knowledge-base entries a firm's report recommends, and why. A transparent score instead of the
// correlation-based "key drivers" of large-firm survey tools: a firm of 5 to 15 people gives far too few
// answers for those. docs/recommendations.md describes this score exactly; keep the two the same.
import type { AspectReport, Report } from '../report/schema';
import { COST_BANDS, EVIDENCE_LEVELS, type KnowledgeEntry, WORRIES } from '../knowledge/entry';

export type Worry = (typeof WORRIES)[number];

/** What the score knows about the firm: its settings, never anything about one employee. */
export interface FirmProfile {
	/** What the owner worries about most (firm setting), or null when not said. */
	worry: Worry | null;
	sector: string;
	sizeClass: string;
}

/**
 * One thing in the report that an entry can answer to. The aspect ones come only from figures the report
 * shows: employee means that are neither null nor withheld, or, in a report without employee figures, the
 * owner's own answers.
 */
export type Focus =
	/** The lowest (rank 1) or second-lowest (rank 2) employee mean among the aspects shown. */
	| { kind: 'weakest'; aspect: string; rank: 1 | 2 }
	/** Without employee figures: the lowest or second-lowest aspect in the owner's own answers. */
	| { kind: 'own-view'; aspect: string; rank: 1 | 2 }
	/** The aspect where the owner's mean and the employees' mean differ most (at least GAP_MINIMUM). */
	| { kind: 'gap'; aspect: string; ownerHigher: boolean }
	/** The owner's worry. */
	| { kind: 'worry'; worry: Worry };

export interface Recommendation {
	entry: KnowledgeEntry;
	score: number;
	/** Every focus the entry answers to, in the order of focusOfReport: the reason, as data. */
	reasons: Focus[];
	/** The aspects of the report it was chosen for (never a hidden one); empty when only the worry led to it. */
	aspects: string[];
	/** The owner's worry when the entry addresses it, else empty. */
	worries: Worry[];
}

export const MAX_RECOMMENDATIONS = 5;
/** A difference between the owner's and the employees' means smaller than this is not a reason on its own. */
export const GAP_MINIMUM = 0.5;

/** Points for answering to a focus; an entry that answers to none is never recommended. */
export const FOCUS_POINTS = { weakest: [4, 3], ownView: [4, 3], gap: 3, worry: 4 } as const;
/** Stronger evidence adds a little: 0 for praktijkervaring up to 1.25 for effectief (sterke aanwijzingen). */
export const EVIDENCE_STEP = 0.25;
/** Cheaper is a little better for a small firm. */
export const COST_POINTS: Readonly<Record<(typeof COST_BANDS)[number], number>> = { geen: 1, laag: 0.5, midden: 0, hoog: -0.5 };
/** An entry not made for the firm's size class can still be shown, but ranks lower. */
export const SIZE_MISFIT_POINTS = -2;

const hidden = (report: Report, aspectId: string) => report.withheld.some((w) => w.measure === `aspect:${aspectId}` && w.group === null);

/**
 * Lowest first, the same order as the report's "to grow" (lowest mean, then lowest favourable share, then the
 * later aspect in the instrument), so the reasons and the summary never disagree.
 */
function weakestFirst(aspects: readonly AspectReport[], mean: (a: AspectReport) => number, favourable: (a: AspectReport) => number): string[] {
	return aspects
		.map((aspect, order) => ({ aspect, order }))
		.sort((a, b) => mean(a.aspect) - mean(b.aspect) || favourable(a.aspect) - favourable(b.aspect) || b.order - a.order)
		.map(({ aspect }) => aspect.id);
}

/**
 * The focus points of a report for a firm, most important first: the weakest aspect, the worry, the second
 * weakest, the largest gap. With employee figures they come from those; without (fewer than k answered) only
 * from the owner's own answers and the worry, which say nothing about any employee.
 */
export function focusOfReport(report: Report, worry: Worry | null): Focus[] {
	let weakest: { aspect: string; rank: 1 | 2 }[];
	let kind: 'weakest' | 'own-view';
	let own: AspectReport[] = [];
	if (report.employeeFigures) {
		kind = 'weakest';
		// Ranked over every employee mean the page shows (a withheld total may show an earlier version's
		// figure), so "het laagst" is true of the page; then a withheld aspect is dropped: it never leads to a tip.
		const withMean = report.aspects.filter((a) => a.employee.mean !== null);
		own = withMean.filter((a) => !hidden(report, a.id));
		weakest = weakestFirst(withMean, (a) => a.employee.mean ?? 0, (a) => a.employee.favourable ?? 0)
			.slice(0, 2)
			.map((aspect, i) => ({ aspect, rank: i === 0 ? (1 as const) : (2 as const) }))
			.filter((w) => !hidden(report, w.aspect));
	} else {
		kind = 'own-view';
		const owned = report.aspects.filter((a) => a.owner.n > 0 && a.owner.mean !== null);
		weakest = weakestFirst(owned, (a) => a.owner.mean ?? 0, () => 0)
			.slice(0, 2)
			.map((aspect, i) => ({ aspect, rank: i === 0 ? (1 as const) : (2 as const) }));
	}
	const focus: Focus[] = [];
	const first = weakest.find((w) => w.rank === 1);
	const second = weakest.find((w) => w.rank === 2);
	if (first) focus.push({ kind, ...first });
	if (worry) focus.push({ kind: 'worry', worry });
	if (second) focus.push({ kind, ...second });
	const gap = largestGap(own);
	if (gap) focus.push(gap);
	return focus;
}

function largestGap(shown: readonly AspectReport[]): Focus | null {
	let best: AspectReport | null = null;
	for (const aspect of shown) {
		if (aspect.owner.n === 0 || aspect.gap === null || Math.abs(aspect.gap) < GAP_MINIMUM) continue;
		// Strictly larger: on a tie the earlier aspect in the instrument stays.
		if (!best || Math.abs(aspect.gap) > Math.abs(best.gap ?? 0)) best = aspect;
	}
	return best ? { kind: 'gap', aspect: best.id, ownerHigher: (best.gap ?? 0) > 0 } : null;
}

function answers(entry: KnowledgeEntry, focus: Focus): boolean {
	if (focus.kind === 'worry') return entry.worries.includes(focus.worry);
	return (entry.aspects as readonly string[]).includes(focus.aspect);
}

function focusPoints(focus: Focus): number {
	switch (focus.kind) {
		case 'weakest':
			return focus.rank === 1 ? FOCUS_POINTS.weakest[0] : FOCUS_POINTS.weakest[1];
		case 'own-view':
			return focus.rank === 1 ? FOCUS_POINTS.ownView[0] : FOCUS_POINTS.ownView[1];
		case 'gap':
			return FOCUS_POINTS.gap;
		case 'worry':
			return FOCUS_POINTS.worry;
	}
}

/** An entry made for other sectors is left out: a tip for bakeries does not help a builder. */
export function fitsSector(entry: KnowledgeEntry, sector: string): boolean {
	return entry.sectors === 'all' || (entry.sectors as readonly string[]).includes(sector);
}

export function fitsSize(entry: KnowledgeEntry, sizeClass: string): boolean {
	return (entry.sizes as readonly string[]).includes(sizeClass);
}

/** The score of one entry for these focus points; null when it answers to none of them or does not fit the sector. */
export function scoreEntry(entry: KnowledgeEntry, focus: readonly Focus[], firm: FirmProfile): Omit<Recommendation, 'entry'> | null {
	if (!fitsSector(entry, firm.sector)) return null;
	const reasons = focus.filter((f) => answers(entry, f));
	if (reasons.length === 0) return null;
	const score =
		reasons.reduce((sum, f) => sum + focusPoints(f), 0) +
		EVIDENCE_LEVELS.indexOf(entry.evidence) * EVIDENCE_STEP +
		COST_POINTS[entry.cost] +
		(fitsSize(entry, firm.sizeClass) ? 0 : SIZE_MISFIT_POINTS);
	const aspects = [...new Set(reasons.flatMap((f) => (f.kind === 'worry' ? [] : [f.aspect])))];
	const worries = reasons.flatMap((f) => (f.kind === 'worry' ? [f.worry] : []));
	return { score, reasons, aspects, worries };
}

const bestFirst = (a: Recommendation, b: Recommendation) => b.score - a.score || (a.entry.slug < b.entry.slug ? -1 : a.entry.slug > b.entry.slug ? 1 : 0);

/**
 * Up to five entries for a firm's report, best first. First, for each focus point in order, the best entry
 * that answers to it (when none picked so far does), so the weakest aspect and the worry each get at least one
 * when the knowledge base has one; then the best of the rest up to five. Ties go to the slug, so the same
 * input always gives the same list.
 */
export function recommend(input: { report: Report; firm: FirmProfile; entries: readonly KnowledgeEntry[] }): Recommendation[] {
	const focus = focusOfReport(input.report, input.firm.worry);
	const candidates: Recommendation[] = [];
	for (const entry of input.entries) {
		const scored = scoreEntry(entry, focus, input.firm);
		if (scored) candidates.push({ entry, ...scored });
	}
	candidates.sort(bestFirst);
	const picked: Recommendation[] = [];
	for (const f of focus) {
		if (picked.length >= MAX_RECOMMENDATIONS) break;
		if (picked.some((r) => answers(r.entry, f))) continue;
		const first = candidates.find((c) => !picked.includes(c) && answers(c.entry, f));
		if (first) picked.push(first);
	}
	for (const c of candidates) {
		if (picked.length >= MAX_RECOMMENDATIONS) break;
		if (!picked.includes(c)) picked.push(c);
	}
	return picked.sort(bestFirst);
}
