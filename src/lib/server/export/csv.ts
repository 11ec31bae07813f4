// CSV in the two dialects researchers and firms open: Dutch Excel (`;`, decimal comma, UTF-8 with a BOM
// so Excel reads the accents, CRLF) and plain (`,`, decimal point, no BOM, LF) for R, Python and PSPP.
// papaparse does the quoting. Formula injection is neutralised here, not by papaparse's escapeFormulae:
// that option would also turn negative numbers into text, and its pattern misses a formula followed by a
// line break.
import Papa from 'papaparse';

export const CSV_DIALECTS = ['csv', 'csv-nl'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** A number is written as a number (also when negative); a string is text and is neutralised. */
export type CsvCell = string | number | null;

export interface CsvTable {
	columns: readonly string[];
	rows: readonly (readonly CsvCell[])[];
}

const dialects: Record<CsvDialect, { delimiter: string; newline: string; bom: string; decimal: string }> = {
	csv: { delimiter: ',', newline: '\n', bom: '', decimal: '.' },
	'csv-nl': { delimiter: ';', newline: '\r\n', bom: '\uFEFF', decimal: ',' }
};

// A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and CR, may shift it
// so that the next character starts one). OWASP's rule: prefix a single quote, which shows as text.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Decimals a CSV number keeps: more than the report shows (one or two), few enough that binary rounding noise
 * (3.3000000000000003, -0.15000000000000036) never reaches a spreadsheet.
 */
export const CSV_DECIMALS = 4;

/** Plain decimal notation in the dialect's decimal mark; never NaN or Infinity (an empty cell instead). */
export function formatNumber(value: number, dialect: CsvDialect): string {
	if (!Number.isFinite(value)) return '';
	const rounded = Number(value.toFixed(CSV_DECIMALS));
	const text = Object.is(rounded, -0) ? '0' : String(rounded);
	return dialect === 'csv-nl' ? text.replace('.', ',') : text;
}

export function csvCell(cell: CsvCell, dialect: CsvDialect): string {
	if (cell === null) return '';
	if (typeof cell === 'number') return formatNumber(cell, dialect);
	return neutraliseFormula(cell);
}

export function toCsv(table: CsvTable, dialect: CsvDialect): string {
	const { delimiter, newline, bom } = dialects[dialect];
	const body = Papa.unparse(
		{
			fields: table.columns.map((column) => neutraliseFormula(column)),
			data: table.rows.map((row) => row.map((cell) => csvCell(cell, dialect)))
		},
		{ delimiter, newline, quotes: false, quoteChar: '"', escapeChar: '"', header: true, escapeFormulae: false }
	);
	return `${bom}${body}${newline}`;
}
