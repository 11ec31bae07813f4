// A scan_response row back in the domain's terms. Rows are written by the survey, the owner's
// questionnaire and the CSV import, each through the domain's parseFlatResponse; this reader is lenient on
// purpose, so a row written by an older version still counts with what it has instead of breaking a report.
import { z } from 'zod';
import { isSurveyLocale } from '../../../domain/instrument';
import { emptyLearning, type LearningAnswers, type ScanResponse } from '../../../domain/response';
import { scanResponse } from '../../db/schema';

type ResponseRow = Pick<typeof scanResponse.$inferSelect, 'perspective' | 'answers' | 'background' | 'learning' | 'open'> &
	Partial<Pick<typeof scanResponse.$inferSelect, 'language'>>;

const yesNo = z.boolean().nullable().catch(null);
const scale = z.number().int().nullable().catch(null);

const learningSchema = z.object({
	formal: yesNo.default(null),
	nonFormal: yesNo.default(null),
	informal: yesNo.default(null),
	need: scale.default(null),
	intention: scale.default(null),
	barriers: z.array(z.string()).catch([]).default([])
});

export function learningOfRow(value: unknown): LearningAnswers {
	const parsed = learningSchema.safeParse(value);
	return parsed.success ? parsed.data : emptyLearning;
}

/** The columns responseOfRow reads: select these, and every reader of responses stays the same. */
export const responseColumns = {
	perspective: scanResponse.perspective,
	answers: scanResponse.answers,
	background: scanResponse.background,
	learning: scanResponse.learning,
	open: scanResponse.open,
	language: scanResponse.language
};

export function responseOfRow(row: ResponseRow): ScanResponse {
	return {
		perspective: row.perspective,
		answers: row.answers,
		background: row.background,
		learning: learningOfRow(row.learning),
		open: row.open,
		language: isSurveyLocale(row.language) ? row.language : null
	};
}
