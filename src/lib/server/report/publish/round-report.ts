// What every format of a round's report shows: the published version (publishing a new one first when
// the rules allow), or, before there is one, the owner's own answers only, with the reason why.
import { and, eq } from 'drizzle-orm';
import type { AppLocale } from '../../../domain/instrument';
import type { Report, ServedReport } from '../../../domain/report';
import type { Database } from '../../db/client';
import { scanResponse } from '../../db/schema';
import { buildRoundReport, publishRoundReport } from './publish-report';
import type { ReportRound } from './report-round';
import { compareRounds, type Comparison } from './round-change';
import type { CompareRequest } from './round-change.schema';
import { responseColumns, responseOfRow } from './stored-response';
import { reportRecommendations, type ReportAdvice } from '../../recommendations/report-recommendations';
import type { NetworkComparison } from '../../../domain/network/compared';
import { networkComparisons } from './network-comparison';

export interface RoundReport {
	firmName: string;
	round: { id: string; name: string; opensOn: string; closesOn: string; closed: boolean };
	/** null while no version with employee figures exists. */
	version: { number: number; publishedOn: string } | null;
	/** At close: responses after the last version, too few to show safely. */
	tooLate: number;
	report: Report;
	/** "Wat kunt u doen?": worked out now from this version's figures (docs/recommendations.md). */
	advice: ReportAdvice;
	/** The earlier round the report is compared with, the rounds that could be, and the actions in between. */
	comparison: Comparison;
	/** "Vergeleken met": the latest figures of each network the firm is in, where they have k firms besides it. */
	networks: NetworkComparison[];
}

export async function roundReport(
	db: Database,
	firmName: string,
	round: ReportRound,
	/** `networks`: only the report's own formats show the network comparison; the session, SLIM and exports skip its queries. */
	options: { today: string; locale: AppLocale; compare?: CompareRequest | null; networks?: boolean }
): Promise<RoundReport> {
	const state = await publishRoundReport(db, round, options.today);
	const published = state.latest?.reports[options.locale] ?? (await ownerOnlyReport(db, round, options.locale));
	const comparison = await compareRounds(db, round, published, { locale: options.locale, today: options.today, compare: options.compare });
	const report: Report = { ...published, change: comparison.change };
	return {
		firmName,
		round: { id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, closed: state.closed },
		version: state.latest ? { number: state.latest.version, publishedOn: state.latest.publishedOn } : null,
		tooLate: state.decision.tooLate,
		report,
		advice: await reportRecommendations(db, round.firmId, report, options.locale),
		comparison,
		networks: options.networks ? await networkComparisons(db, round.firmId, report, round.threshold) : []
	};
}

/** The report as JSON (docs/report-schema.json): the version's report with the recommendations of today. */
export function servedReport(view: RoundReport): ServedReport {
	return {
		...view.report,
		networks: view.networks,
		recommendations: view.advice.recommendations.map(({ entry, title, reason, aspects, worries }) => ({ entry, title, reason, aspects, worries }))
	};
}

/**
 * Before the first version nothing about employees may be shown, not even the response rate or how many
 * answered so far (that number would move with one person), so the report is built from the owner's answers
 * alone and without the number invited.
 */
async function ownerOnlyReport(db: Database, round: ReportRound, locale: AppLocale): Promise<Report> {
	const rows = await db
		.select(responseColumns)
		.from(scanResponse)
		.where(and(eq(scanResponse.roundId, round.id), eq(scanResponse.perspective, 'owner')));
	return buildRoundReport({ ...round, invited: 0 }, [], rows.map(responseOfRow), 0, locale);
}
