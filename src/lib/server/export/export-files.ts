// Which files a round can be exported as, and who may have each. Pure, so the page that lists the
// downloads, the download endpoint and the tests share one rule.
//
// - report figures (CSV, JSON): everyone who may read the report (owner, co-manager, adviser with the
//   firm's consent) and holders of a data agreement;
// - answers per person (research data: statements with background, learning and open answers; CSV and
//   SPSS .sav): only an account with a data agreement for the firm, recorded by a platform admin, whatever
//   other role it holds. Never the firm's own people: a row, or rows set against the report's groups, can
//   name a colleague.
import type { FirmRole } from '../firms/access';

export const EXPORT_KINDS = ['report', 'research'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type FileFormat = 'csv' | 'csv-nl' | 'json' | 'sav';

export interface ExportFile {
	/** The last part of the download URL. */
	file: string;
	kind: ExportKind;
	format: FileFormat;
}

export const EXPORT_FILES: readonly ExportFile[] = [
	{ file: 'report.csv', kind: 'report', format: 'csv' },
	{ file: 'report-nl.csv', kind: 'report', format: 'csv-nl' },
	{ file: 'report.json', kind: 'report', format: 'json' },
	{ file: 'research.csv', kind: 'research', format: 'csv' },
	{ file: 'research-nl.csv', kind: 'research', format: 'csv-nl' },
	{ file: 'research.sav', kind: 'research', format: 'sav' }
];

export function findExportFile(file: string): ExportFile | null {
	return EXPORT_FILES.find((f) => f.file === file) ?? null;
}

export interface ExportPrincipal {
	/** The person's role in the firm, or null when they have none. */
	firmRole: FirmRole | null;
	/** A live data agreement for this firm. */
	agreement: boolean;
}

export function mayExport(principal: ExportPrincipal, kind: ExportKind): boolean {
	switch (kind) {
		case 'report':
			// A learning ambassador joins the conversation, not the data: no exports, also with the report switched on.
			return (principal.firmRole !== null && principal.firmRole !== 'ambassador') || principal.agreement;
		case 'research':
			return principal.agreement;
	}
}

export function allowedFiles(principal: ExportPrincipal): ExportFile[] {
	return EXPORT_FILES.filter((f) => mayExport(principal, f.kind));
}

/** A file name with only safe characters: leerkompas-<firm>-<round>-<kind>.<ext>. */
export function downloadName(firmSlug: string, roundName: string, file: ExportFile): string {
	const round = roundName
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40);
	const [base, ext] = file.file.split('.') as [string, string];
	return `leerkompas-${firmSlug}-${round || 'ronde'}-${base}.${ext}`;
}

export function contentTypeOf(format: FileFormat): string {
	switch (format) {
		case 'json':
			return 'application/json; charset=utf-8';
		case 'sav':
			return 'application/x-spss-sav';
		default:
			return 'text/csv; charset=utf-8';
	}
}
