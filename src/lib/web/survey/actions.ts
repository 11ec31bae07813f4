// The survey's form actions, so that each route stays a few lines: read the post, run the use case, and
// answer with a redirect (Post/Redirect/Get) or with the page again, a message and every choice kept.
import { fail, isHttpError, redirect, type ActionFailure } from '@sveltejs/kit';
import * as m from '../../paraglide/messages.js';
import { app } from '../app';
import { surveyLocale } from '../../locale';
import { LANGUAGE_FIELD } from '../../survey-form';
import { postedAnswers, type PostedAnswers } from '../../server/scan/survey/answers';
import { issueMessages, minutesToWait, roundStateText } from '../../server/scan/survey/messages';
import { postWait, type Survey } from './open-survey';
import { problemLinks } from './pages';
import { readNavigation, saveStep, STEP_CONTROL_FIELDS } from '../../server/scan/survey/save-step';
import { submitAllAnswers, type SubmitAllResult } from '../../server/scan/survey/submit-all-answers';
import { readSubmissionKey, submitResponse } from '../../server/scan/survey/submit-response';
import { stepPosition, type SurveyStep } from '../../server/scan/survey/steps';
import { firmRoleOfUser, ownVersionPath } from '../../server/scan/survey/firm-people';
import type { Reservation } from '../../server/scan/survey/address-watch';

/**
 * Posts that must never become an employee's answer: from a browser signed in as someone who runs or advises
 * this firm (sent to the owner's own version), or to a round whose answers were imported. Null when the post
 * may go on.
 */
async function refusal(survey: Survey): Promise<string | null> {
	if (survey.signedInUserId) {
		const role = await firmRoleOfUser(app().database.db, survey.signedInUserId, survey.round.firmId);
		if (role) redirect(303, ownVersionPath(role, survey.round));
	}
	return survey.imported ? m.survey_round_imported() : null;
}

/**
 * A place for one complete response from this address (address-watch.ts); null when an open link already
 * took the hourly number from it. The place is given back when the response is not stored.
 */
async function withPlace<T extends { kind: string }>(survey: Survey, send: (place: Reservation) => Promise<T>): Promise<T | null> {
	const place = app().addressWatch.reserve(survey.round.id, survey.clientAddress, survey.round.inviteMode === 'link');
	if (!place) return null;
	let stored = false;
	try {
		const result = await send(place);
		stored = result.kind === 'stored';
		return result;
	} finally {
		place.settle(stored);
	}
}

function addressLimitText(): string {
	return m.survey_address_limit({ limit: app().config.LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR });
}

export interface StepFailure {
	values: PostedAnswers;
	errors: Record<string, string>;
	message: string;
}

export interface SendFailure {
	message: string;
	problems: { text: string; href: string }[];
}

function maxOpenLength(survey: Survey): number {
	return survey.instrument.open[0]?.maxLength ?? 2000;
}

/**
 * A screen's post. `stay` is where to go back to when the respondent chose a language on it: the answers are kept
 * as on "next", and the same screen comes back in the new language.
 */
export async function answerStep(survey: Survey, step: SurveyStep, form: FormData, stay: string | null = null): Promise<ActionFailure<StepFailure>> {
	const posted = postedAnswers(survey.instrument, form, STEP_CONTROL_FIELDS);
	const refused = await refusal(survey);
	if (refused) return fail(409, { values: posted, errors: {}, message: refused });
	const wait = postWait(survey);
	if (wait > 0) return fail(429, { values: posted, errors: {}, message: m.survey_error_busy({ minutes: minutesToWait(wait) }) });
	if (survey.needsCard) return fail(403, { values: posted, errors: {}, message: m.survey_card_needed() });
	const result = await saveStep(app().database.db, {
		round: survey.round,
		step,
		draftKey: survey.draftKey,
		draft: survey.draftKey ? survey.draft : null,
		posted,
		today: survey.today
	});
	if (!result.ok && result.reason === 'not_open') {
		return fail(409, { values: posted, errors: {}, message: `${roundStateText(result.state, survey.round.opensOn)} ${m.survey_not_saved()}` });
	}
	if (!result.ok) return fail(400, { values: posted, ...issueMessages(result.issues, posted, maxOpenLength(survey)) });
	if (result.draftKey && result.draftKey !== survey.draftKey) survey.cookies.setDraftKey(result.draftKey);

	if (stay) redirect(303, stay);
	const go = readNavigation(form);
	const { previous, next } = stepPosition(survey.steps, step);
	if (go === 'back') redirect(303, previous ? survey.paths.step(previous.id) : survey.paths.intro);
	if (go === 'summary' || !next) redirect(303, survey.paths.summary);
	redirect(303, survey.paths.step(next.id));
}

export async function sendResponse(survey: Survey, form: FormData | null): Promise<ActionFailure<SendFailure>> {
	const refused = await refusal(survey);
	if (refused) return fail(409, { message: refused, problems: [] });
	const wait = postWait(survey);
	if (wait > 0) return fail(429, { message: m.survey_error_busy({ minutes: minutesToWait(wait) }), problems: [] });
	const { database, responseWriter } = app();
	const result = await withPlace(survey, (place) =>
		submitResponse(
			database.db,
			{ round: survey.round, draftKey: survey.cookies.draftKey(), submissionKey: readSubmissionKey(form), cardCode: survey.cardCode, today: survey.today, language: surveyLocale(), burst: place.burst },
			responseWriter
		)
	);
	if (!result) return fail(429, { message: addressLimitText(), problems: [] });
	switch (result.kind) {
		case 'stored':
		case 'already_sent':
			return thank(survey);
		case 'not_open':
			return fail(409, { message: roundStateText(result.state, survey.round.opensOn), problems: [] });
		case 'no_draft':
			return fail(409, { message: m.survey_no_draft(), problems: [] });
		case 'invalid':
			return fail(400, { message: m.survey_error_stored_invalid(), problems: problemLinks(survey, result.issues.map((i) => i.field)) });
		case 'nothing_answered':
			return fail(400, { message: m.survey_error_nothing_answered(), problems: [] });
		case 'card_required':
			return fail(403, { message: m.survey_card_needed(), problems: [] });
		case 'card_unusable':
			survey.cookies.clearCardCode();
			return fail(409, { message: m.survey_card_used_meanwhile(), problems: [] });
		case 'imported':
			return fail(409, { message: m.survey_round_imported(), problems: [] });
	}
}

/** Control fields of the one-page form: not questions. */
const ALL_PAGE_CONTROL_FIELDS = ['submissionKey', LANGUAGE_FIELD];

/**
 * The one-page questionnaire again, in the language just chosen, with everything posted still on it. Nothing is
 * stored: this page keeps nothing until it is sent.
 */
export function keepAllAnswers(survey: Survey, form: FormData): StepFailure {
	return { values: postedAnswers(survey.instrument, form, ALL_PAGE_CONTROL_FIELDS), errors: {}, message: '' };
}

function thank(survey: Survey): never {
	survey.cookies.clearDraftKey();
	survey.cookies.clearCardCode();
	survey.cookies.markSent();
	redirect(303, survey.paths.thanks);
}

export async function sendAllAnswers(survey: Survey, form: FormData): Promise<ActionFailure<StepFailure>> {
	const posted = postedAnswers(survey.instrument, form, ALL_PAGE_CONTROL_FIELDS);
	const refuse = (status: number, message: string, errors: Record<string, string> = {}) => fail(status, { values: posted, errors, message });
	const refused = await refusal(survey);
	if (refused) return refuse(409, refused);
	const wait = postWait(survey);
	if (wait > 0) return refuse(429, m.survey_error_busy({ minutes: minutesToWait(wait) }));
	if (survey.needsCard) return refuse(403, m.survey_card_needed());
	const { database, responseWriter } = app();
	let result: SubmitAllResult | null;
	try {
		result = await withPlace(survey, (place) =>
			submitAllAnswers(
				database.db,
				{ round: survey.round, posted, submissionKey: readSubmissionKey(form), cardCode: survey.cardCode, draftKey: survey.draftKey, today: survey.today, language: surveyLocale(), burst: place.burst },
				responseWriter
			)
		);
	} catch (e) {
		// On this page nothing is kept until it is sent: when the database cannot take it, the page comes back
		// with every answer still on it, rather than an error page that leaves them behind.
		if (isHttpError(e, 503)) return refuse(503, `${e.body.message} ${m.survey_all_send_again()}`);
		throw e;
	}
	if (!result) return refuse(429, addressLimitText());
	switch (result.kind) {
		case 'stored':
		case 'already_sent':
			return thank(survey);
		case 'not_open':
			return refuse(409, `${roundStateText(result.state, survey.round.opensOn)} ${m.survey_not_saved()}`);
		case 'invalid': {
			const { message, errors } = issueMessages(result.issues, posted, maxOpenLength(survey));
			return refuse(400, message, errors);
		}
		case 'nothing_answered':
			return refuse(400, m.survey_error_nothing_answered());
		case 'card_required':
			return refuse(403, m.survey_card_needed());
		case 'card_unusable':
			survey.cookies.clearCardCode();
			return refuse(409, m.survey_card_used_meanwhile_all());
		case 'no_key':
			return refuse(400, m.survey_all_reload());
		case 'imported':
			return refuse(409, m.survey_round_imported());
	}
}
