import { effectiveThreshold } from '../privacy/threshold';
import { welchChange, type GroupFigures } from '../stats/change';
import type { Report, RoundChange } from './schema';

/** An earlier round of the firm and the report of its latest published version. */
export interface ComparedRound {
	name: string;
	report: Report;
}

/**
 * Change per aspect between an earlier round and this one (after minus before), from the figures both
 * published versions show: n, mean and SD per aspect. Nothing here reads an answer, so late answers that were
 * never published, or answers removed by retention, cannot move it, and it shows nothing that the two
 * reports do not already show. An aspect is compared only where both versions show its total with at least
 * k scores (the larger k of the two rounds) and neither withholds it; every aspect of this round is listed.
 * Anonymous rounds cannot be paired person by person, so they are independent samples (Welch).
 */
export function roundChange(after: Report, before: ComparedRound | null): RoundChange | null {
	if (!before || !before.report.employeeFigures) return null;
	const k = Math.max(effectiveThreshold(after.threshold), effectiveThreshold(before.report.threshold));
	return {
		against: { round: before.name, employees: before.report.respondents.employee },
		aspects: after.aspects.map((aspect) => {
			const a = shownFigures(after, aspect.id, k);
			const b = shownFigures(before.report, aspect.id, k);
			if (!a || !b) return { id: aspect.id, before: null, after: null, difference: null, ci95: null, d: null };
			const change = welchChange(b, a);
			return {
				id: aspect.id,
				before: { n: b.n, mean: b.mean },
				after: { n: a.n, mean: a.mean },
				difference: change.difference,
				ci95: change.ci95,
				d: change.cohensD
			};
		})
	};
}

/** An aspect's employee figures as the version shows them, or null when they may not be compared. */
function shownFigures(report: Report, aspectId: string, k: number): GroupFigures | null {
	if (!report.employeeFigures) return null;
	// A withheld total shows an earlier version's figure (or none): comparing it would mix versions.
	if (report.withheld.some((w) => w.measure === `aspect:${aspectId}` && w.group === null)) return null;
	const e = report.aspects.find((a) => a.id === aspectId)?.employee;
	if (!e || e.n === null || e.mean === null || e.sd === null || e.n < k) return null;
	return { n: e.n, mean: e.mean, sd: e.sd };
}
