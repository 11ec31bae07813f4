// The self-scan's page glue: a posted page becomes answers (or a failure that keeps what was typed), and the
// questionnaire becomes the survey's question views, so the worker sees the same fields as in a scan round.
import { fail, type ActionFailure } from '@sveltejs/kit';
import * as m from '../paraglide/messages';
import { uiLocale } from '../locale';
import type { QuestionView } from '../server/scan/survey/view';
import { OPEN_ANSWER_MAX, parseSelfScanAnswers, type SelfScanAnswers, type SelfScanLocale, type SelfScanQuestionnaire } from '../domain/self-scan/questionnaire';
import { readForm } from './forms';

export type SelfScanValues = Record<string, string | string[]>;
export type SelfScanFailure = ActionFailure<{ values: SelfScanValues; errors: Record<string, string>; message: string }>;

export function selfScanLocale(): SelfScanLocale {
	return uiLocale() === 'en' ? 'en' : 'nl';
}

export function selfScanQuestionViews(questionnaire: SelfScanQuestionnaire, locale: SelfScanLocale): QuestionView[] {
	return questionnaire.questions.map((q) =>
		q.kind === 'open'
			? { kind: 'text', id: q.id, text: q.text[locale], hint: q.hint?.[locale] ?? null, maxLength: OPEN_ANSWER_MAX }
			: { kind: 'multiple', id: q.id, text: q.text[locale], hint: q.hint?.[locale] ?? null, options: q.options.map((o) => ({ value: o.id, label: o.text[locale] })) }
	);
}

/** The answers a page posted, or a 400 that shows what to fix and keeps what was typed. */
export async function readSelfScanAnswers(
	request: Request,
	questionnaire: SelfScanQuestionnaire
): Promise<{ ok: true; answers: SelfScanAnswers } | { ok: false; failure: SelfScanFailure }> {
	const form = (await readForm(request)) ?? new FormData();
	const posted: Record<string, string[]> = {};
	for (const [name, value] of form.entries()) if (typeof value === 'string') (posted[name] ??= []).push(value);
	const parsed = parseSelfScanAnswers(questionnaire, posted);
	if (parsed.ok) return { ok: true, answers: parsed.answers };
	const values: SelfScanValues = {};
	for (const q of questionnaire.questions) {
		const given = posted[q.id] ?? [];
		values[q.id] = q.kind === 'open' ? (given[0] ?? '').slice(0, OPEN_ANSWER_MAX * 2) : given;
	}
	const errors: Record<string, string> = {};
	for (const [id, problem] of Object.entries(parsed.problems)) {
		errors[id] = problem === 'tooLong' ? m.selfscan_error_too_long({ max: OPEN_ANSWER_MAX }) : m.selfscan_error_unknown_option();
	}
	const message = parsed.nothingAnswered ? m.selfscan_error_nothing() : m.selfscan_error_problems();
	return { ok: false, failure: fail(400, { values, errors, message }) };
}
