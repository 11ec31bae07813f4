import type { Instrument } from '../instrument/schema';
import { effectiveThreshold } from '../privacy/threshold';
import type { ScanResponse } from '../response';
import { aspectScore } from '../scoring';
import { meanDifference, type Change } from '../stats/change';

export interface AspectChange {
	id: string;
	/** Null when either round has fewer than k employee scores on this aspect. */
	change: Change | null;
}

/**
 * Change per aspect between two rounds of one firm (after minus before). Anonymous rounds cannot be
 * paired person by person, so they are compared as independent samples (Welch). A round with fewer than
 * k employees has no figures to compare, and neither has an aspect with fewer than k scores in a round.
 */
export function aspectChanges(
	instrument: Instrument,
	before: readonly ScanResponse[],
	after: readonly ScanResponse[],
	threshold?: number
): AspectChange[] {
	const k = effectiveThreshold(threshold);
	const employeesBefore = before.filter((r) => r.perspective === 'employee');
	const employeesAfter = after.filter((r) => r.perspective === 'employee');
	return instrument.aspects.map((aspect) => {
		const scoresBefore = scoresOf(instrument, employeesBefore, aspect.id);
		const scoresAfter = scoresOf(instrument, employeesAfter, aspect.id);
		const enough =
			employeesBefore.length >= k &&
			employeesAfter.length >= k &&
			scoresBefore.length >= k &&
			scoresAfter.length >= k;
		return { id: aspect.id, change: enough ? meanDifference(scoresBefore, scoresAfter) : null };
	});
}

function scoresOf(instrument: Instrument, responses: readonly ScanResponse[], aspectId: string): number[] {
	return responses
		.map((r) => aspectScore(instrument, r, aspectId))
		.filter((s): s is number => s !== null);
}
