// A round's published employee figures per aspect (n, mean, SD), from its latest published version, as
// round-change.ts reads them for a firm's own report: reading may publish a version, exactly as opening the
// round's report would. A round without employee figures (fewer than k answers) has no firm mean.
import type { GroupFigures } from '../../domain/stats';
import { roundUnit } from '../../domain/network/coordinator-view';
import type { AspectId, RoundFigures } from '../../domain/pilot/evaluate';
import type { Database } from '../db/client';
import { countedRoundFigures } from '../network/firm-figures';
import { pilotFirms, type PilotFirmRow } from './pilot-firms';
import { publishRoundReport } from '../report/publish/publish-report';
import { findReportRound } from '../report/publish/report-round';

export interface PublishedFigures {
	/** "round id#version": changes whenever a new version of the round is published. */
	version: string;
	/** The same version as a round unit, as benchmark snapshots name it (network/coordinator-view.ts). */
	unit: string;
	/** Employees who answered in that version. */
	respondents: number;
	aspects: RoundFigures;
}

export async function roundFigures(db: Database, firmId: string, roundId: string, today: string): Promise<PublishedFigures | null> {
	const round = await findReportRound(db, firmId, roundId);
	if (!round) return null;
	const latest = (await publishRoundReport(db, round, today)).latest;
	const report = latest?.reports.nl;
	if (!latest || !report || !report.employeeFigures) return null;
	const aspects: RoundFigures = {};
	for (const aspect of report.aspects) {
		const { n, mean, sd } = aspect.employee;
		const figures: GroupFigures | null = n !== null && n >= 1 && mean !== null ? { n, mean, sd: sd ?? 0 } : null;
		aspects[aspect.id as AspectId] = figures;
	}
	return { version: `${roundId}#${latest.version}`, unit: roundUnit(firmId, roundId, latest.version), respondents: report.respondents.employee, aspects };
}

/** A round's published figures, as `roundFigures` gives them for the day the reader was made. */
type FiguresOfRound = (firmId: string, roundId: string) => Promise<PublishedFigures | null>;

/**
 * Reads each round's figures once however often it is asked: reading may publish a version, and a pilot's
 * rounds are asked for by its evaluation, its plan and the network's ICC alike (an after round is often a
 * firm's latest), which should all see the same version and not read the report again.
 */
function roundFiguresOnce(db: Database, today: string): FiguresOfRound {
	const read = new Map<string, Promise<PublishedFigures | null>>();
	return (firmId, roundId) => {
		const key = `${firmId}/${roundId}`;
		let figures = read.get(key);
		if (!figures) {
			figures = roundFigures(db, firmId, roundId, today);
			read.set(key, figures);
		}
		return figures;
	};
}

/** What a pilot's evaluation and plan read, once for a page: its firms and a reader of their rounds' figures. */
export interface PilotReading {
	firms: PilotFirmRow[];
	figuresOf: FiguresOfRound;
}

export async function readPilot(db: Database, target: { id: string; networkId: string }, today: string): Promise<PilotReading> {
	return { firms: await pilotFirms(db, target.id, target.networkId), figuresOf: roundFiguresOnce(db, today) };
}

/**
 * Every current member's most recent round with published employee figures, by the rule network figures
 * count a firm's round with (network/firm-figures.ts). For the ICC of the MDE.
 */
export async function latestNetworkFigures(db: Database, networkId: string, figuresOf: FiguresOfRound): Promise<PublishedFigures[]> {
	return countedRoundFigures(db, networkId, (member, round) => figuresOf(member.id, round.id));
}
