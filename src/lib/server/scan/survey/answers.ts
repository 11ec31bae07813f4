// Reading and checking posted answers with the instrument's own rules (domain parseFlatResponse), so the
// survey, the owner's questionnaire and the CSV import accept exactly the same values.
import {
	parseFlatResponse,
	type Instrument,
	type Perspective,
	type ResponseErrorCode
} from '../../../domain/instrument';
import type { ScanResponse } from '../../../domain/response';
import type { DraftAnswers } from './draft-store.schema';

/** What a form posted, by field name: one text, or several for the barrier question. */
export type PostedAnswers = Record<string, string | string[]>;

export type AnswerIssueCode = ResponseErrorCode | 'not_on_screen';

export interface AnswerIssue {
	/** The question concerned, or null for a field that is not a question on this screen. */
	field: string | null;
	code: AnswerIssueCode;
}

/** Longest text kept from one posted field, so a re-shown form can never grow without bound. */
const MAX_POSTED_TEXT = 20_000;

/** The answers in a posted form. `control` names fields that steer the page, such as the button pressed. */
export function postedAnswers(instrument: Instrument, form: FormData, control: readonly string[] = []): PostedAnswers {
	// One pass over the form: the one-page questionnaire posts some fifty fields, and asking the form for
	// each name again would read them all once per name.
	const values = new Map<string, string[]>();
	for (const [key, value] of form) {
		if (typeof value !== 'string' || control.includes(key)) continue;
		const list = values.get(key);
		if (list) list.push(value.slice(0, MAX_POSTED_TEXT));
		else values.set(key, [value.slice(0, MAX_POSTED_TEXT)]);
	}
	const posted: PostedAnswers = {};
	for (const [key, list] of values) posted[key] = key === instrument.learning.barriers.id ? list.slice(0, 64) : list[0]!;
	return posted;
}

function isBlank(value: string | string[] | undefined): boolean {
	return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** On success, the answers in draft form and, parsed, as the stored response would hold them. */
export type ScreenCheck = { ok: true; answers: DraftAnswers; response: ScanResponse } | { ok: false; issues: AnswerIssue[] };

/**
 * Checks the answers posted on one screen: every field must be a question of that screen, and every value
 * one the instrument allows (scale codes, categories of the round's team list, open answers within their
 * length). On success the non-empty answers come back in draft form.
 */
export function checkScreen(
	instrument: Instrument,
	screen: { fields: readonly string[]; perspective: Perspective; teams: readonly string[]; followups?: readonly string[] },
	posted: PostedAnswers
): ScreenCheck {
	const issues: AnswerIssue[] = [];
	const answers: DraftAnswers = {};
	const onScreen = new Set(screen.fields);
	for (const [key, value] of Object.entries(posted)) {
		if (!onScreen.has(key)) {
			issues.push({ field: null, code: 'not_on_screen' });
			continue;
		}
		if (!isBlank(value)) answers[key] = value;
	}
	const parsed = parseFlatResponse(instrument, answers, { perspective: screen.perspective, teams: screen.teams, followups: screen.followups });
	if (!parsed.ok) for (const issue of parsed.issues) issues.push({ field: issue.variable, code: issue.code });
	return issues.length > 0 || !parsed.ok ? { ok: false, issues } : { ok: true, answers, response: parsed.response };
}

export type ResponseCheck = { ok: true; response: ScanResponse } | { ok: false; issues: AnswerIssue[] };

/** The complete response from all answers given, as the domain defines it. */
export function responseFromAnswers(
	instrument: Instrument,
	answers: DraftAnswers,
	options: { perspective: Perspective; teams: readonly string[]; followups?: readonly string[] }
): ResponseCheck {
	const parsed = parseFlatResponse(instrument, answers, options);
	if (parsed.ok) return parsed;
	return { ok: false, issues: parsed.issues.map((issue) => ({ field: issue.variable, code: issue.code })) };
}

/** Statements answered with an opinion (scale min..max); "weet ik niet" and skipped do not count. */
export function opinionsGiven(instrument: Instrument, response: ScanResponse): number {
	let count = 0;
	for (const item of instrument.items) {
		const value = response.answers[item.id];
		if (typeof value === 'number' && value >= instrument.scale.min && value <= instrument.scale.max) count++;
	}
	return count;
}

/** A stored response back in the form's own terms, to show an earlier answer again. */
export function answersOfResponse(instrument: Instrument, response: Pick<ScanResponse, 'answers' | 'open'>): DraftAnswers {
	const answers: DraftAnswers = {};
	for (const item of instrument.items) {
		const value = response.answers[item.id];
		if (typeof value === 'number') answers[item.id] = String(value);
	}
	for (const question of instrument.open) {
		const text = response.open[question.id];
		if (typeof text === 'string' && text !== '') answers[question.id] = text;
	}
	return answers;
}
