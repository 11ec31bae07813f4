// Change between rounds for a round's report: which earlier round it is compared with, the change per aspect
// (domain roundChange, from the latest published version of each round, never from answers), the aspect
// means of every round with published figures (for the chart), and the actions done in between. Only rounds
// of the report's own firm are read, whatever round is asked for.
import { and, asc, eq, gte, isNotNull, lte } from 'drizzle-orm';
import type { AppLocale } from '../../../domain/instrument';
import { roundChange, type Report, type RoundChange } from '../../../domain/report';
import type { Database } from '../../db/client';
import { firmAction, scanRound } from '../../db/schema';
import { publishRoundReport } from './publish-report';
import { findReportRound, type ReportRound } from './report-round';
import type { CompareRequest } from './round-change.schema';

export interface RoundRef {
	id: string;
	name: string;
	opensOn: string;
	closesOn: string;
}

export interface Comparison {
	/** The report's `change` field. */
	change: RoundChange | null;
	/** The earlier round compared with; null when there is none with employee figures. */
	against: RoundRef | null;
	/** Earlier rounds with published employee figures, newest first: the ones that may be picked. */
	choices: RoundRef[];
	/** A round was asked for that is not an earlier round of this firm with employee figures; the previous one is used. */
	refused: boolean;
	/** Every round of the firm with published employee figures, in order, with the aspect means its report shows. */
	history: { round: RoundRef; means: Record<string, number | null> }[];
	/** Actions marked done from the start of the earlier round to the end of this one, oldest first. */
	actions: { title: string; doneOn: string }[];
}

interface PublishedRound {
	ref: RoundRef;
	report: Report | null;
}

export async function compareRounds(
	db: Database,
	round: Pick<ReportRound, 'id' | 'firmId'>,
	report: Report,
	options: { locale: AppLocale; today: string; compare?: CompareRequest | null }
): Promise<Comparison> {
	const rounds = await publishedRounds(db, round, options);
	const index = rounds.findIndex((r) => r.ref.id === round.id);
	// The report as it is read now stands for this round (it may just have been published).
	const withThis = rounds.map((r, i) => (i === index ? { ...r, report } : r));
	const hasFigures = (r: PublishedRound): r is PublishedRound & { report: Report } => r.report !== null && r.report.employeeFigures;
	const earlier = (index < 0 ? [] : withThis.slice(0, index)).filter(hasFigures).reverse();
	const compare = options.compare ?? null;
	const asked = compare === null ? null : earlier.find((r) => ('id' in compare ? r.ref.id === compare.id : r.ref.name.toLowerCase() === compare.name.toLowerCase())) ?? null;
	const against = asked ?? earlier[0] ?? null;
	const thisRound = index < 0 ? null : withThis[index]!.ref;
	return {
		change: against ? roundChange(report, { name: against.ref.name, report: against.report }) : null,
		against: against?.ref ?? null,
		choices: earlier.map((r) => r.ref),
		refused: compare !== null && asked === null,
		history: withThis.filter(hasFigures).map((r) => ({ round: r.ref, means: Object.fromEntries(r.report.aspects.map((a) => [a.id, a.employee.mean])) })),
		actions: against && thisRound ? await actionsDone(db, round.firmId, against.ref.opensOn, thisRound.closesOn) : []
	};
}

/**
 * The firm's rounds by start date, then creation, each with the report of its latest published version (or
 * null). An earlier round gets the version that opening its own report would show, published now if the
 * rules allow (a round that ended by date, or reached k while nobody looked), so both pages agree.
 */
async function publishedRounds(db: Database, round: Pick<ReportRound, 'id' | 'firmId'>, options: { locale: AppLocale; today: string }): Promise<PublishedRound[]> {
	const rounds = await db
		.select({ id: scanRound.id, name: scanRound.name, opensOn: scanRound.opensOn, closesOn: scanRound.closesOn })
		.from(scanRound)
		.where(eq(scanRound.firmId, round.firmId))
		.orderBy(asc(scanRound.opensOn), asc(scanRound.createdAt), asc(scanRound.id));
	const result: PublishedRound[] = [];
	for (const ref of rounds) {
		if (ref.id === round.id) {
			result.push({ ref, report: null });
			continue;
		}
		const other = await findReportRound(db, round.firmId, ref.id);
		const state = other ? await publishRoundReport(db, other, options.today) : null;
		result.push({ ref, report: state?.latest?.reports[options.locale] ?? null });
	}
	return result;
}

async function actionsDone(db: Database, firmId: string, from: string, to: string): Promise<Comparison['actions']> {
	const rows = await db
		.select({ title: firmAction.title, doneOn: firmAction.doneOn })
		.from(firmAction)
		.where(and(eq(firmAction.firmId, firmId), eq(firmAction.status, 'klaar'), isNotNull(firmAction.doneOn), gte(firmAction.doneOn, from), lte(firmAction.doneOn, to)))
		.orderBy(asc(firmAction.doneOn), asc(firmAction.title));
	return rows.flatMap((r) => (r.doneOn === null ? [] : [{ title: r.title, doneOn: r.doneOn }]));
}
