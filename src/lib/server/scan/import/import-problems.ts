// Import problems as plain sentences: where (row and column, as the spreadsheet shows them) and what to fix.
import * as m from '../../../paraglide/messages.js';
import type { Locale } from '../../../paraglide/runtime.js';
import type { Instrument } from '../../../domain/instrument/schema';
import { MAX_IMPORT_ROWS, type ImportProblem } from './parse-import-csv';

export interface ImportProblemText {
	where: string;
	text: string;
}

export function importProblemText(problem: ImportProblem, instrument: Instrument, locale?: Locale): ImportProblemText {
	const options = locale ? { locale } : {};
	const { row, column } = problem;
	const where =
		row !== null && column !== null
			? m.scan_import_where_cell({ row, column }, options)
			: row !== null
				? m.scan_import_where_row({ row }, options)
				: column !== null
					? m.scan_import_where_column({ column }, options)
					: m.scan_import_where_file({}, options);
	return { where, text: problemText(problem, instrument, options) };
}

function problemText(problem: ImportProblem, instrument: Instrument, options: { locale?: Locale }): string {
	switch (problem.code) {
		case 'empty_file':
			return m.scan_problem_empty_file({}, options);
		case 'no_rows':
			return m.scan_problem_no_rows({}, options);
		case 'too_many_rows':
			return m.scan_problem_too_many_rows({ max: MAX_IMPORT_ROWS }, options);
		case 'unknown_column':
		case 'unknown_key':
			return m.scan_problem_unknown_column({}, options);
		case 'duplicate_column':
			return m.scan_problem_duplicate_column({}, options);
		case 'missing_perspective':
			return m.scan_problem_missing_perspective({}, options);
		case 'bad_perspective':
			return m.scan_problem_bad_perspective({}, options);
		case 'too_many_cells':
			return m.scan_problem_too_many_cells({}, options);
		case 'unreadable_row':
			return m.scan_problem_unreadable_row({}, options);
		case 'too_many_teams':
			return m.scan_problem_too_many_teams({}, options);
		case 'team_too_long':
			return m.scan_problem_team_too_long({}, options);
		case 'answer_out_of_range': {
			const { min, max, dontKnow } = instrument.scale;
			return m.scan_problem_answer_out_of_range({ min, max, dontKnow }, options);
		}
		case 'invalid_type':
			return m.scan_problem_invalid_type({}, options);
		case 'unknown_category':
			return m.scan_problem_unknown_category({}, options);
		case 'unknown_option':
			return m.scan_problem_unknown_option({}, options);
		case 'not_asked':
			return m.scan_problem_not_asked({}, options);
		case 'open_too_long': {
			const max = instrument.open.find((q) => q.id === problem.column)?.maxLength ?? Math.max(...instrument.open.map((q) => q.maxLength));
			return m.scan_problem_open_too_long({ max }, options);
		}
	}
}
