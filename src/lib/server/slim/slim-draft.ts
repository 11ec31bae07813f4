// Loads what a SLIM draft is made of: the round's published report, the firm's actions from that round and
// the knowledge-base entries they follow. Without a published version with employee figures there is no
// draft: the scan's outcome is what part (a) of SLIM asks for.
import { and, eq } from 'drizzle-orm';
import { slimDraft, type SlimDraft } from '../../domain/slim/draft';
import type { Database } from '../db/client';
import { firmAction } from '../db/schema';
import { publishedEntries } from '../knowledge/published-entries';
import type { ReportRound } from '../report/publish/report-round';
import { roundReport } from '../report/publish/round-report';

export interface SlimFirm {
	id: string;
	name: string;
	sector: string;
	province: string;
	employees: number;
	sizeClass: string;
}

export type SlimDraftResult = { ok: true; draft: SlimDraft } | { ok: false; reason: 'no-report' };

export async function slimDraftOfRound(db: Database, firm: SlimFirm, round: ReportRound, today: string): Promise<SlimDraftResult> {
	// The draft is in Dutch whatever the page's language: it goes into a Dutch application.
	const view = await roundReport(db, firm.name, round, { today, locale: 'nl' });
	if (!view.version || !view.report.employeeFigures) return { ok: false, reason: 'no-report' };
	const actions = await db
		.select({
			title: firmAction.title,
			why: firmAction.why,
			aspectId: firmAction.aspectId,
			entrySlug: firmAction.entrySlug,
			assigneeName: firmAction.assigneeName,
			startsOn: firmAction.startsOn,
			dueOn: firmAction.dueOn,
			status: firmAction.status
		})
		.from(firmAction)
		.where(and(eq(firmAction.firmId, firm.id), eq(firmAction.roundId, round.id)));
	const draft = slimDraft({
		firm: { name: firm.name, sector: firm.sector, province: firm.province, employees: firm.employees, sizeClass: firm.sizeClass },
		round: { name: round.name, opensOn: round.opensOn, closesOn: round.closesOn },
		version: view.version,
		report: view.report,
		actions,
		entries: await publishedEntries(db)
	});
	return { ok: true, draft };
}
