// Reads a CSV of answers (from paper forms or another tool) into responses, without touching the database.
// All or nothing: one bad cell and the caller stores nothing, so the result lists every problem at once
// with its row and column, the way a spreadsheet numbers them (the header is row 1).
import Papa from 'papaparse';
import { exportVariableNames, type Instrument, type Perspective } from '../../../domain/instrument/schema';
import { parseFlatResponse, type ResponseErrorCode } from '../../../domain/instrument/answers';
import type { ScanResponse } from '../../../domain/response';
import { MAX_TEAMS, TEAM_NAME_MAX_LENGTH } from '../rounds/create-round.schema';

/** Enough for any small firm's history; a bigger file is a mistake or an attack. */
export const MAX_IMPORT_ROWS = 10_000;
export const PERSPECTIVE_COLUMN = 'perspective';

export type ImportProblemCode =
	| ResponseErrorCode
	| 'empty_file'
	| 'no_rows'
	| 'too_many_rows'
	| 'unknown_column'
	| 'duplicate_column'
	| 'missing_perspective'
	| 'bad_perspective'
	| 'too_many_cells'
	| 'unreadable_row'
	| 'too_many_teams'
	| 'team_too_long';

export interface ImportProblem {
	/** Row as a spreadsheet shows it: 1 is the header. Null for a problem with the whole file. */
	row: number | null;
	/** The column's header, or null when the problem is the whole row or file. */
	column: string | null;
	code: ImportProblemCode;
}

export interface ParseImportOptions {
	/**
	 * The round's team list. Left out when the import creates the round: the teams are then the names in
	 * the file's team column, in the order they first appear.
	 */
	teams?: readonly string[];
}

export type ParseImportResult =
	| { ok: true; responses: ScanResponse[]; teams: string[] }
	| { ok: false; problems: ImportProblem[] };

const perspectiveNames: Record<string, Perspective> = { employee: 'employee', owner: 'owner' };

export function parseImportCsv(text: string, instrument: Instrument, options: ParseImportOptions = {}): ParseImportResult {
	const content = text.replace(/^\uFEFF/, '');
	if (content.trim() === '') return fail({ row: null, column: null, code: 'empty_file' });

	const parsed = Papa.parse<string[]>(content, { delimiter: delimiterOf(content), skipEmptyLines: false });
	const [headerCells = [], ...records] = parsed.data;
	const header = headerCells.map((cell) => cell.trim().toLowerCase());
	const problems: ImportProblem[] = checkHeader(header, instrument);

	// Row numbers follow the records papaparse found; a quoted cell with a line break stays one row.
	const rows = records
		.map((cells, index) => ({ row: index + 2, cells }))
		.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
	for (const error of parsed.errors) {
		// Field-count mismatches are handled per row below; other errors mean a row cannot be read safely.
		if (error.type === 'FieldMismatch' || error.row === undefined) continue;
		problems.push({ row: error.row + 2, column: null, code: 'unreadable_row' });
	}
	if (rows.length === 0) return fail(...problems, { row: null, column: null, code: 'no_rows' });
	if (rows.length > MAX_IMPORT_ROWS) return fail(...problems, { row: null, column: null, code: 'too_many_rows' });
	if (problems.some((p) => p.code === 'missing_perspective')) return fail(...problems);
	// Rows are still checked when a column is unknown, so one upload lists everything there is to fix.
	const usable = usableColumns(header, instrument);

	const teamColumn = instrument.background.find((question) => question.dynamic)?.id;
	const teamIndex = teamColumn === undefined ? -1 : header.indexOf(teamColumn);
	const teams = options.teams ? [...options.teams] : teamsInFile(rows.map(({ cells }) => cells[teamIndex] ?? ''), teamIndex);
	if (!options.teams && teamColumn !== undefined) problems.push(...checkTeams(teams, teamColumn));

	const perspectiveIndex = header.indexOf(PERSPECTIVE_COLUMN);
	const responses: ScanResponse[] = [];
	for (const { row, cells } of rows) {
		if (cells.length > header.length && cells.slice(header.length).some((cell) => cell.trim() !== '')) {
			problems.push({ row, column: null, code: 'too_many_cells' });
			continue;
		}
		const perspective = perspectiveNames[(cells[perspectiveIndex] ?? '').trim().toLowerCase()];
		if (!perspective) {
			problems.push({ row, column: PERSPECTIVE_COLUMN, code: 'bad_perspective' });
			continue;
		}
		// A short row is read as if its last cells were empty: spreadsheets drop trailing empty cells.
		const flat: Record<string, string> = {};
		header.forEach((column, i) => {
			if (usable[i]) flat[column] = cells[i] ?? '';
		});
		const result = parseFlatResponse(instrument, flat, { perspective, teams });
		if (result.ok) responses.push(result.response);
		else for (const issue of result.issues) problems.push({ row, column: issue.variable, code: issue.code });
	}
	return problems.length > 0 ? fail(...problems) : { ok: true, responses, teams };
}

/**
 * The header holds only codebook ids, which contain neither separator, so its first line tells which one
 * the file uses. (Papaparse's own guess is thrown off by short files that end in an empty line.)
 */
function delimiterOf(content: string): ',' | ';' {
	const header = content.slice(0, content.search(/\r?\n|$/));
	const count = (char: string) => header.split(char).length - 1;
	return count(';') > count(',') ? ';' : ',';
}

function fail(...problems: ImportProblem[]): ParseImportResult {
	return { ok: false, problems };
}

function checkHeader(header: string[], instrument: Instrument): ImportProblem[] {
	const known = new Set([...exportVariableNames(instrument), PERSPECTIVE_COLUMN]);
	const problems: ImportProblem[] = [];
	const seen = new Set<string>();
	for (const column of header) {
		if (!known.has(column)) problems.push({ row: 1, column, code: 'unknown_column' });
		else if (seen.has(column)) problems.push({ row: 1, column, code: 'duplicate_column' });
		seen.add(column);
	}
	if (!seen.has(PERSPECTIVE_COLUMN)) problems.push({ row: 1, column: PERSPECTIVE_COLUMN, code: 'missing_perspective' });
	return problems;
}

/** Per header cell: whether its values go to the response (known, first of its name, not perspective). */
function usableColumns(header: string[], instrument: Instrument): boolean[] {
	const known = new Set(exportVariableNames(instrument));
	return header.map((column, i) => known.has(column) && header.indexOf(column) === i);
}

function teamsInFile(cells: string[], teamIndex: number): string[] {
	if (teamIndex < 0) return [];
	const teams: string[] = [];
	for (const cell of cells) {
		const team = cell.trim();
		if (team !== '' && !teams.includes(team)) teams.push(team);
	}
	return teams;
}

function checkTeams(teams: string[], column: string): ImportProblem[] {
	const problems: ImportProblem[] = [];
	if (teams.length > MAX_TEAMS) problems.push({ row: null, column, code: 'too_many_teams' });
	if (teams.some((team) => team.length > TEAM_NAME_MAX_LENGTH)) problems.push({ row: null, column, code: 'team_too_long' });
	return problems;
}
