// Who may download a round's files: the firm's roles (firms/access.ts) plus data agreements. A researcher
// has no role in the firm, only an agreement, so firmAccess alone would turn them away; this adds the
// agreement and otherwise answers exactly like firmAccess (null: the firm is out of reach, answer 404).
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { effectiveThreshold } from '../../domain/privacy/threshold';
import type { Database } from '../db/client';
import { firm, scanResponse } from '../db/schema';
import { firmAccess, type FirmRecord } from '../firms/access';
import { hasAgreement } from './agreements';
import { publishRoundReport } from '../report/publish/publish-report';
import type { ReportRound } from '../report/publish/report-round';
import { allowedFiles, type ExportFile, type ExportKind, type ExportPrincipal } from './export-files';
import { isRetained } from '../report/publish/retained';

export interface ExportAccess {
	firm: FirmRecord;
	principal: ExportPrincipal;
}

export async function exportAccess(db: Database, userId: string, slug: string): Promise<ExportAccess | null> {
	const access = await firmAccess(db, userId, slug);
	const [found] = access ? [access.firm] : await db.select().from(firm).where(eq(firm.slug, slug)).limit(1);
	if (!found) return null;
	const agreement = await hasAgreement(db, found.id, userId);
	if (!access && !agreement) return null;
	return { firm: found, principal: { firmRole: access?.role ?? null, agreement } };
}

export interface ExportGroup {
	kind: ExportKind;
	files: ExportFile[];
	/** False for respondent-level data below k published employees, or after retention removed it. */
	available: boolean;
}

export interface ExportOverview {
	threshold: number;
	/** Employee responses in the published report. */
	published: number;
	removed: boolean;
	groups: ExportGroup[];
}

/** The files this person may have for the round, grouped, and whether respondent-level data exists yet. */
export async function exportOverview(db: Database, input: { round: ReportRound; principal: ExportPrincipal; today: string }): Promise<ExportOverview> {
	const removed = await isRetained(db, input.round.id);
	if (!removed) await publishRoundReport(db, input.round, input.today);
	const [row] = await db
		.select({ n: sql<number>`count(*)`.mapWith(Number) })
		.from(scanResponse)
		.where(and(eq(scanResponse.roundId, input.round.id), eq(scanResponse.perspective, 'employee'), isNotNull(scanResponse.publishedIn)));
	const published = row?.n ?? 0;
	const threshold = effectiveThreshold(input.round.threshold);
	const files = allowedFiles(input.principal);
	const kinds = [...new Set(files.map((f) => f.kind))];
	return {
		threshold,
		published,
		removed,
		groups: kinds.map((kind) => ({
			kind,
			files: files.filter((f) => f.kind === kind),
			available: kind === 'report' || (!removed && published >= threshold)
		}))
	};
}
