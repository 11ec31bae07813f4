// What a pilot can detect before it starts: the minimum detectable effect per aspect for the number of firms
// in the smaller arm and the usual number of respondents per firm, with the ICC of the network's own firms
// (from 2k firms with figures, else 0.10). Only aggregates over the network's firms go in.
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import { minimumDetectableEffect, networkIcc, type NetworkIcc } from '../../domain/pilot/mde';
import type { AspectId } from '../../domain/pilot/evaluate';
import type { GroupFigures } from '../../domain/stats';
import type { Database } from '../db/client';
import { latestNetworkFigures, readPilot, type PilotReading } from './round-figures';

/** Respondents per firm assumed until at least k of the pilot's firms have a before round with figures. */
export const DEFAULT_RESPONDENTS = 10;

export interface PilotPlan {
	firms: { pilot: number; comparison: number };
	/** Firms per arm the MDE is computed for (the smaller arm, or what was asked). */
	firmsPerArm: number;
	respondentsPerFirm: number;
	/** rounds: the average of the pilot's before rounds (k firms or more); default: DEFAULT_RESPONDENTS; asked: given. */
	respondentsSource: 'rounds' | 'default' | 'asked';
	aspects: { id: AspectId; icc: NetworkIcc; mde: number | null }[];
	/** The largest MDE over the aspects: the careful figure to say in words. */
	largest: number | null;
}

export async function pilotPlan(
	db: Database,
	target: { id: string; networkId: string },
	options: { today: string; k: number; firmsPerArm?: number; respondentsPerFirm?: number; reading?: PilotReading }
): Promise<PilotPlan> {
	const reading = options.reading ?? (await readPilot(db, target, options.today));
	const rows = reading.firms.filter((r) => r.member);
	const firms = { pilot: rows.filter((r) => r.arm === 'pilot').length, comparison: rows.filter((r) => r.arm === 'comparison').length };
	const respondents: number[] = [];
	for (const row of rows) {
		const before = await reading.figuresOf(row.firmId, row.before.id);
		if (before) respondents.push(before.respondents);
	}
	let respondentsPerFirm = DEFAULT_RESPONDENTS;
	let respondentsSource: PilotPlan['respondentsSource'] = 'default';
	if (options.respondentsPerFirm !== undefined) {
		respondentsPerFirm = options.respondentsPerFirm;
		respondentsSource = 'asked';
	} else if (respondents.length >= options.k) {
		respondentsPerFirm = Math.round(respondents.reduce((a, b) => a + b, 0) / respondents.length);
		respondentsSource = 'rounds';
	}
	const firmsPerArm = options.firmsPerArm ?? Math.min(firms.pilot, firms.comparison);
	const network = await latestNetworkFigures(db, target.networkId, reading.figuresOf);
	const aspects = ASPECT_IDS.map((id) => {
		const perFirm = network.flatMap((f) => {
			const figures: GroupFigures | null | undefined = f.aspects[id];
			return figures ? [figures] : [];
		});
		const icc = networkIcc(perFirm, options.k);
		return { id, icc, mde: minimumDetectableEffect({ firmsPerArm, respondentsPerFirm, icc: icc.icc }) };
	});
	const mdes = aspects.flatMap((a) => (a.mde === null ? [] : [a.mde]));
	return { firms, firmsPerArm, respondentsPerFirm, respondentsSource, aspects, largest: mdes.length > 0 ? Math.max(...mdes) : null };
}
