// Retention: respondent-level answers older than LEERKOMPAS_RETENTION_MONTHS (default 36) are removed;
// the aggregate report figures stay. The published report versions (report_version) are those figures:
// before a round's answers go, its report is brought up to date by the same publication rule as always,
// so whatever the rules allow to be shown is stored. Only rounds that have closed are touched: an open
// round keeps its answers until it closes, so a report is never built from half its answers.
// Rounds that lost answers are listed in round_retention with a copy of their latest report, so that
// nobody rebuilds their report from the now empty response table, and the figures survive if one does.
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { roundRetention, scanResponse, scanRound, surveyDraft } from '../db/schema';
import { publishRoundReport } from '../report/publish/publish-report';
import { findReportRound } from '../report/publish/report-round';

export interface RetentionResult {
	/** Answers submitted before this day (YYYY-MM-DD) were due. */
	cutoff: string;
	rounds: number;
	responses: number;
}

/** `today` minus whole months; the 31st becomes the last day of a shorter month. */
export function retentionCutoff(today: string, months: number): string {
	const [year, month, day] = today.split('-').map(Number) as [number, number, number];
	const index = year * 12 + (month - 1) - months;
	const y = Math.floor(index / 12);
	const m = index - y * 12 + 1;
	const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(y, 4)}-${pad(m)}-${pad(Math.min(day, lastDay))}`;
}

export async function runRetention(db: Database, options: { today: string; months: number }): Promise<RetentionResult> {
	const cutoff = retentionCutoff(options.today, options.months);
	const due = await db
		.selectDistinct({ roundId: scanRound.id, firmId: scanRound.firmId })
		.from(scanResponse)
		.innerJoin(scanRound, eq(scanRound.id, scanResponse.roundId))
		.where(and(lt(scanResponse.submittedOn, cutoff), or(eq(scanRound.status, 'closed'), lt(scanRound.closesOn, options.today))));

	let responses = 0;
	for (const { roundId, firmId } of due) {
		const round = await findReportRound(db, firmId, roundId);
		if (!round) continue;
		const state = await publishRoundReport(db, round, options.today);
		const reports = state.latest ? { ...state.latest.reports } : null;
		responses += await db.transaction(async (tx) => {
			const removed = await tx
				.delete(scanResponse)
				.where(and(eq(scanResponse.roundId, roundId), lt(scanResponse.submittedOn, cutoff)))
				.returning({ id: scanResponse.id });
			await tx.delete(surveyDraft).where(eq(surveyDraft.roundId, roundId));
			await tx
				.insert(roundRetention)
				.values({ roundId, removedOn: options.today, responsesRemoved: removed.length, reports })
				.onConflictDoUpdate({
					target: roundRetention.roundId,
					set: {
						removedOn: options.today,
						responsesRemoved: sql`${roundRetention.responsesRemoved} + ${removed.length}`,
						reports: sql`coalesce(excluded.reports, ${roundRetention.reports})`
					}
				});
			return removed.length;
		});
	}
	return { cutoff, rounds: due.length, responses };
}
