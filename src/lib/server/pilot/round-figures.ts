// A round's published employee figures per aspect (n, mean, SD), from its latest published version, as
// round-change.ts reads them for a firm's own report: reading may publish a version, exactly as opening the
// round's report would. A round without employee figures (fewer than k answers) has no firm mean.
import { asc, desc, inArray } from 'drizzle-orm';
import type { GroupFigures } from '../../domain/stats';
import { roundUnit } from '../../domain/network/coordinator-view';
import type { AspectId, RoundFigures } from '../../domain/pilot/evaluate';
import type { Database } from '../db/client';
import { scanRound } from '../db/schema';
import { currentMemberFirmIds } from '../network/firm-figures';
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

/**
 * Every current member's most recent round (by start date, then creation) with published employee figures,
 * as DESIGN.md ("Networks") picks a firm's round for network figures. For the ICC of the MDE.
 */
export async function latestNetworkFigures(db: Database, networkId: string, today: string): Promise<PublishedFigures[]> {
	const members = await currentMemberFirmIds(db, networkId);
	if (members.length === 0) return [];
	const rounds = await db
		.select({ id: scanRound.id, firmId: scanRound.firmId })
		.from(scanRound)
		.where(inArray(scanRound.firmId, members))
		.orderBy(desc(scanRound.opensOn), desc(scanRound.createdAt), asc(scanRound.id));
	const result: PublishedFigures[] = [];
	for (const firmId of members) {
		for (const round of rounds.filter((r) => r.firmId === firmId)) {
			const figures = await roundFigures(db, firmId, round.id, today);
			if (figures) {
				result.push(figures);
				break;
			}
		}
	}
	return result;
}
