// Which figures a firm counts with in a network (DESIGN.md, "Networks (exact)"): its most recent round (by
// start date, then by creation) that has a published version with employee figures, and that round's latest
// published version. The benchmark reads only stored versions, never answers, so the network sees exactly
// what the firm's own report showed; the pilot plan picks its rounds by the same rule (countedRoundFigures).
// Imported rounds and rounds with warning signals count; they are counted apart.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import type { BenchmarkFirm } from '../../domain/network/benchmark';
import { roundUnit } from '../../domain/network/coordinator-view';
import { reportSchema, type Report } from '../../domain/report';
import type { Database } from '../db/client';
import { firm, networkMember, reportVersion, scanRound } from '../db/schema';

export interface CountedFirmFigures {
	firmId: string;
	benchmark: BenchmarkFirm;
	imported: boolean;
	signals: boolean;
}

/** The firms now in the network (a row without left_at), whether or not they have figures yet. */
export async function currentMemberFirmIds(db: Database, networkId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ firmId: networkMember.firmId })
		.from(networkMember)
		.where(and(eq(networkMember.networkId, networkId), isNull(networkMember.leftAt)));
	return rows.map((r) => r.firmId);
}

function hasSignals(report: Report): boolean {
	const s = report.signals;
	if (s === null) return false;
	return s.burst + s.identical + s.sameAnswer + (s.moreThanInvited ?? 0) + s.moreThanEmployees > 0;
}

type MemberFirm = typeof firm.$inferSelect;

/**
 * The rule of which round a firm counts with, in one place: for every firm now in the network (by id), its
 * rounds newest first (start date, then creation), and the first of them `figuresOf` gives figures for.
 * A firm without such a round is left out. `figuresOf` decides what "figures" are: the stored version
 * (benchmark snapshots) or the version as the round's report would publish it (the pilot plan's ICC).
 */
export async function countedRoundFigures<T>(
	db: Database,
	networkId: string,
	figuresOf: (member: MemberFirm, round: { id: string; origin: string }) => Promise<T | null>
): Promise<T[]> {
	const firmIds = await currentMemberFirmIds(db, networkId);
	if (firmIds.length === 0) return [];
	const firms = await db.select().from(firm).where(inArray(firm.id, firmIds));
	const rounds = await db
		.select({ id: scanRound.id, firmId: scanRound.firmId, origin: scanRound.origin })
		.from(scanRound)
		.where(inArray(scanRound.firmId, firmIds))
		.orderBy(desc(scanRound.opensOn), desc(scanRound.createdAt), asc(scanRound.id));
	const result: T[] = [];
	for (const f of firms.sort((a, b) => a.id.localeCompare(b.id))) {
		for (const round of rounds.filter((r) => r.firmId === f.id)) {
			const figures = await figuresOf(f, round);
			if (figures === null) continue;
			result.push(figures);
			break;
		}
	}
	return result;
}

/** The figures of every firm now in the network that has a round with published employee figures. */
export async function networkFirmFigures(db: Database, networkId: string): Promise<CountedFirmFigures[]> {
	return countedRoundFigures(db, networkId, async (f, round) => {
		const [latest] = await db
			.select({ version: reportVersion.version, report: reportVersion.report })
			.from(reportVersion)
			.where(eq(reportVersion.roundId, round.id))
			.orderBy(desc(reportVersion.version))
			.limit(1);
		if (!latest) return null;
		const parsed = reportSchema.safeParse(latest.report['nl']);
		if (!parsed.success || !parsed.data.employeeFigures) return null;
		const report = parsed.data;
		const means = Object.fromEntries(ASPECT_IDS.map((id) => [id, report.aspects.find((a) => a.id === id)?.employee.mean ?? null]));
		return {
			firmId: f.id,
			benchmark: {
				unit: roundUnit(f.id, round.id, latest.version),
				sector: f.sector,
				employees: f.employees,
				province: f.province,
				means
			},
			imported: round.origin === 'imported' || report.origin === 'imported',
			signals: hasSignals(report)
		};
	});
}
