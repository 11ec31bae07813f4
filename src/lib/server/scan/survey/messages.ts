// Plain sentences for the codes the survey use cases return, in the reader's language.
import * as m from '../../../paraglide/messages.js';
import { getLocale } from '../../../paraglide/runtime.js';
import type { SurveyLocale } from '../../../domain/instrument';
import type { AnswerIssue, PostedAnswers } from './answers';
import type { RoundState } from '../../../domain/round-state';

// Numbers and dates as the respondent's language writes them; Arabic with the digits the rest of the page uses.
const intlLocales: Record<SurveyLocale, string> = { nl: 'nl-NL', en: 'en-GB', pl: 'pl-PL', tr: 'tr-TR', ar: 'ar-u-nu-latn', uk: 'uk-UA' };
const number = (value: number) => new Intl.NumberFormat(intlLocales[getLocale()]).format(value);

/** A date (YYYY-MM-DD) as people write it: 3 maart 2025, 3 March 2025. */
export function formatDay(day: string): string {
	const [y, mo, d] = day.split('-').map(Number);
	const date = new Date(Date.UTC(y ?? 1970, (mo ?? 1) - 1, d ?? 1));
	return new Intl.DateTimeFormat(intlLocales[getLocale()], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function roundStateText(state: RoundState, opensOn: string): string {
	switch (state) {
		case 'paused':
			return m.survey_state_paused();
		case 'closed':
			return m.survey_state_closed();
		case 'not_open_yet':
			return m.survey_state_not_open_yet({ date: formatDay(opensOn) });
		default:
			return '';
	}
}

function issueText(issue: AnswerIssue, posted: PostedAnswers, maxLength: number): string {
	switch (issue.code) {
		case 'open_too_long': {
			const value = issue.field ? posted[issue.field] : undefined;
			const count = typeof value === 'string' ? Array.from(value.trim()).length : maxLength + 1;
			return m.survey_error_too_long({ count: number(count), max: number(maxLength) });
		}
		case 'not_asked':
			return m.survey_error_not_asked();
		case 'unknown_key':
		case 'not_on_screen':
			return m.survey_error_unknown_question();
		default:
			return m.survey_error_choice();
	}
}

/** One message per question with a problem, and one for the page that says what to do. */
export function issueMessages(
	issues: readonly AnswerIssue[],
	posted: PostedAnswers,
	maxLength: number
): { message: string; errors: Record<string, string> } {
	const errors: Record<string, string> = {};
	let unknownField = false;
	for (const issue of issues) {
		if (issue.code === 'not_on_screen' || issue.code === 'unknown_key' || issue.field === null) unknownField = true;
		else errors[issue.field] ??= issueText(issue, posted, maxLength);
	}
	return { message: unknownField ? m.survey_error_unknown_question() : m.survey_error_fix(), errors };
}

export function minutesToWait(seconds: number): number {
	return Math.max(1, Math.ceil(seconds / 60));
}
