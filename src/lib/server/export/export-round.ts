// One export of one round: the report figures, or respondent-level data. The caller has decided that the
// person may have this file (export-files.ts mayExport); this use case applies the anonymity rules and
// writes the audit log.
//
// Respondent-level files hold only the employee responses that a published report version took in
// (scan_response.published_in). Published versions differ by at least k respondents, so two exports of
// one round also differ by at least k rows, and comparing them never isolates one person's answers. Below
// k such responses there is no respondent-level file at all.
import { randomInt as cryptoRandomInt } from 'node:crypto';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { loadInstrument, type AppLocale } from '../../domain/instrument';
import { effectiveThreshold } from '../../domain/privacy/threshold';
import { reportSchema, type Report } from '../../domain/report/schema';
import type { Database } from '../db/client';
import { reportVersion, roundRetention, scanResponse, type ExportFormat } from '../db/schema';
import { publishRoundReport } from '../report/publish/publish-report';
import type { ReportRound } from '../report/publish/report-round';
import { roundReport } from '../report/publish/round-report';
import { responseColumns, responseOfRow } from '../report/publish/stored-response';
import type { ScanResponse } from '../../domain/response';
import { isRetained } from '../report/publish/retained';
import { compareRounds } from '../report/publish/round-change';
import { recordExport, type ExportAuditEntry } from './audit-log';
import { toCsv } from './csv';
import { contentTypeOf, downloadName, type ExportFile } from './export-files';
import { reportTable } from './report-table';
import { respondentTable, shuffle, type RespondentTable } from './respondent-table';
import { stringWidthFor, writeSav, type SavVariable } from './sav';

export interface ExportRequest {
	firm: { id: string; slug: string; name: string };
	round: ReportRound;
	file: ExportFile;
	actor: { userId: string | null; basis: ExportAuditEntry['basis'] };
	/** YYYY-MM-DD in the firms' time zone (clock.ts dayOf). */
	today: string;
	/** Language of labels in the file. */
	locale: AppLocale;
	/** For tests; a cryptographic random source by default. */
	randomInt?: (n: number) => number;
}

export interface ExportedFile {
	name: string;
	contentType: string;
	body: string | Uint8Array;
	/** Respondent rows in the file; null for report figures. */
	respondents: number | null;
}

export type ExportResult =
	| { ok: true; file: ExportedFile }
	/** Fewer than k employees in the published report: no respondent-level data yet. */
	| { ok: false; reason: 'too_few'; threshold: number }
	/** The retention rule removed this round's respondent-level answers; only the figures remain. */
	| { ok: false; reason: 'removed' };

export async function exportRound(db: Database, request: ExportRequest): Promise<ExportResult> {
	const { file, round } = request;
	if (file.kind === 'report') {
		const report = await reportOfRound(db, { firmName: request.firm.name, round, today: request.today, locale: request.locale });
		const body = file.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : toCsv(reportTable(report), file.format === 'csv-nl' ? 'csv-nl' : 'csv');
		return { ok: true, file: { name: downloadName(request.firm.slug, round.name, file), contentType: contentTypeOf(file.format), body, respondents: null } };
	}

	const data = await respondentData(db, { round, locale: request.locale, today: request.today, randomInt: request.randomInt });
	if (!data.ok) return data;
	const { table } = data;
	const body =
		file.format === 'sav'
			? respondentSav(table, `Leerkompas ${request.firm.name}: ${round.name}`)
			: toCsv({ columns: table.variables.map((v) => v.name), rows: table.rows }, file.format === 'csv-nl' ? 'csv-nl' : 'csv');
	await recordExport(db, {
		firmId: request.firm.id,
		roundId: round.id,
		userId: request.actor.userId,
		basis: request.actor.basis,
		level: 'research',
		format: auditFormat(file),
		respondents: table.rows.length
	});
	return { ok: true, file: { name: downloadName(request.firm.slug, round.name, file), contentType: contentTypeOf(file.format), body, respondents: table.rows.length } };
}

export type RespondentDataResult = { ok: true; table: RespondentTable } | Extract<ExportResult, { ok: false }>;

/**
 * The respondent table of a round, in random order, if at least k employees are in its published report.
 * Callers write the audit log when they hand the data out.
 */
export async function respondentData(
	db: Database,
	input: { round: ReportRound; locale: AppLocale; today: string; randomInt?: (n: number) => number }
): Promise<RespondentDataResult> {
	const { round } = input;
	const retained = await isRetained(db, round.id);
	if (!retained) await publishRoundReport(db, round, input.today);
	const responses = await publishedEmployeeResponses(db, round.id);
	const threshold = effectiveThreshold(round.threshold);
	if (responses.length < threshold) return retained ? { ok: false, reason: 'removed' } : { ok: false, reason: 'too_few', threshold };
	const table = respondentTable(loadInstrument(round.instrumentVersion), shuffle(responses, input.randomInt ?? cryptoRandomInt), {
		locale: input.locale,
		teams: round.teams,
		openAnswersVerbatim: round.openAnswersVerbatim,
		followups: round.followups
	});
	return { ok: true, table };
}

function auditFormat(file: ExportFile): ExportFormat {
	if (file.format === 'json') throw new Error(`${file.file} is not a respondent-level file`);
	return file.format;
}

/** A respondent table as an SPSS system file: F8.2 numbers with value labels and missing values, text as strings. */
export function respondentSav(table: RespondentTable, fileLabel: string, created?: Date): Uint8Array {
	const variables: SavVariable[] = table.variables.map((variable, column) =>
		variable.kind === 'numeric'
			? { kind: 'numeric', name: variable.name, label: variable.label, valueLabels: variable.valueLabels, missing: variable.missing }
			: {
					kind: 'string',
					name: variable.name,
					label: variable.label,
					width: stringWidthFor(
						table.rows.map((row) => {
							const value = row[column];
							return typeof value === 'string' ? value : null;
						})
					)
				}
	);
	return writeSav({ variables, cases: table.rows, fileLabel, created });
}

/** Employee responses that a published report version took in, in the order the database gives them. */
export async function publishedEmployeeResponses(db: Database, roundId: string): Promise<ScanResponse[]> {
	const rows = await db
		.select(responseColumns)
		.from(scanResponse)
		.where(and(eq(scanResponse.roundId, roundId), eq(scanResponse.perspective, 'employee'), isNotNull(scanResponse.publishedIn)));
	return rows.map(responseOfRow);
}

/**
 * The report as its readers see it. After retention the stored version is read as it is: its responses
 * are gone, and rebuilding it from the empty table would wipe the figures that retention keeps.
 */
export async function reportOfRound(db: Database, input: { firmName: string; round: ReportRound; today: string; locale: AppLocale }): Promise<Report> {
	if (await isRetained(db, input.round.id)) {
		const stored = await latestStoredReport(db, input.round.id, input.locale);
		// The change rests on published figures only, which retention keeps, so it stays the same.
		if (stored) return { ...stored, change: (await compareRounds(db, input.round, stored, { locale: input.locale, today: input.today })).change };
	}
	return (await roundReport(db, input.firmName, input.round, { today: input.today, locale: input.locale })).report;
}

/** The report figures kept for a round: the copy retention made, else the newest published version. */
export async function latestStoredReport(db: Database, roundId: string, locale: AppLocale): Promise<Report | null> {
	const [kept] = await db.select({ reports: roundRetention.reports }).from(roundRetention).where(eq(roundRetention.roundId, roundId)).limit(1);
	const keptReport = reportSchema.safeParse(kept?.reports?.[locale]);
	if (keptReport.success) return keptReport.data;
	const [row] = await db
		.select({ report: reportVersion.report })
		.from(reportVersion)
		.where(eq(reportVersion.roundId, roundId))
		.orderBy(desc(reportVersion.version))
		.limit(1);
	if (!row) return null;
	const parsed = reportSchema.safeParse(row.report[locale]);
	return parsed.success ? parsed.data : null;
}
