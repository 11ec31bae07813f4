// The data each survey page shows, built from an opened survey. Texts come from the instrument (questions)
// and the message files (everything around them), in the respondent's language.
import { error } from '@sveltejs/kit';
import * as m from '../../paraglide/messages.js';
import { newKey, submissionKeyFor } from '../../server/scan/survey/keys';
import { roundStateText } from '../../server/scan/survey/messages';
import type { Survey } from './open-survey';
import { followupVariable } from '../../domain/followup/followup';
import { findStep, firstUnfinishedStep, skippedQuestions, stepPosition, type SurveyStep } from '../../server/scan/survey/steps';
import { aspectTexts, followupQuestionView, questionView, questionViews, type QuestionView } from '../../server/scan/survey/view';
import { SURVEY_FORM_ID, type SurveyFormTarget } from '../../survey-form';

export function requireStep(survey: Survey, id: string): SurveyStep {
	const step = findStep(survey.steps, id);
	if (!step) error(404, m.common_error_not_found());
	return step;
}

export function stepTitle(survey: Survey, step: SurveyStep): string {
	switch (step.kind) {
		case 'aspect':
			return aspectTexts(survey.instrument, step.id, survey.locale)?.title ?? step.id;
		case 'followup':
			return m.followup_step_title();
		case 'background':
			return m.survey_step_background();
		case 'learning':
			return m.survey_step_learning();
		default:
			return m.survey_step_open();
	}
}

function stepIntro(survey: Survey, step: SurveyStep): string[] {
	const k = survey.round.threshold;
	switch (step.kind) {
		case 'aspect':
			return [aspectTexts(survey.instrument, step.id, survey.locale)?.explanation ?? '', m.survey_aspect_intro()].filter(Boolean);
		case 'followup':
			return [m.followup_step_intro(), m.followup_step_anonymous({ k })];
		case 'background':
			return [m.survey_step_background_intro({ k })];
		case 'learning':
			return [m.survey_step_learning_intro()];
		default:
			return [survey.round.openAnswersVerbatim ? m.survey_intro_open_verbatim({ k }) : m.survey_intro_open_not_verbatim()];
	}
}

/**
 * The questions of a screen, with the open questions saying before anything is typed whether the answer is
 * shown word for word, and that even then its language or way of writing can give the writer away.
 */
function screenQuestions(survey: Survey, step: SurveyStep): QuestionView[] {
	if (step.kind === 'followup') return step.fields.map((field) => fieldView(survey, field)).filter((q): q is QuestionView => q !== null);
	const notice = survey.round.openAnswersVerbatim ? m.survey_open_verbatim_notice({ k: survey.round.threshold }) : m.survey_open_not_verbatim_notice();
	return questionViews(survey.instrument, step.fields, 'employee', survey.locale, survey.round.teams).map((question) =>
		question.kind === 'text' ? { ...question, hint: `${notice} ${m.survey_open_hint({ max: question.maxLength })}` } : question
	);
}

export function introPage(survey: Survey) {
	const { round, draft, steps, paths } = survey;
	const first = steps[0]!;
	const unfinished = draft ? firstUnfinishedStep(survey.instrument, steps, draft) : null;
	return {
		firmName: round.firmName,
		k: round.threshold,
		openAnswersVerbatim: round.openAnswersVerbatim,
		state: survey.state,
		stateText: survey.imported ? m.survey_round_imported() : roundStateText(survey.state, round.opensOn),
		canAnswer: survey.canAnswer,
		needsCard: survey.needsCard,
		cardRejected: survey.cardRejected,
		sent: survey.sent && !draft,
		startPath: paths.step(first.id),
		allPath: paths.all,
		resumePath: draft ? (unfinished ? paths.step(unfinished.id) : paths.summary) : null,
		introPath: paths.intro,
		locale: survey.locale
	};
}

export function stepPage(survey: Survey, step: SurveyStep, fromSummary: boolean) {
	const position = stepPosition(survey.steps, step);
	return {
		firmName: survey.round.firmName,
		title: stepTitle(survey, step),
		intro: stepIntro(survey, step),
		number: position.number,
		total: position.total,
		questions: screenQuestions(survey, step),
		values: survey.draft ?? {},
		fromSummary,
		// The header's language buttons post this screen's answers along; Enter still means what the first button says.
		surveyForm: { id: SURVEY_FORM_ID, go: fromSummary ? 'summary' : 'next' } satisfies SurveyFormTarget,
		// Posted without the #fragment a summary link added, so the redirect after it does not carry it along.
		formAction: `${survey.paths.step(step.id)}${fromSummary ? '?from=summary' : ''}`
	};
}

export function summaryPage(survey: Survey) {
	const { draft, draftKey, steps, paths } = survey;
	const last = steps[steps.length - 1]!;
	const skipped = draft
		? skippedQuestions(survey.instrument, steps, draft).map(({ step, fields }) => ({
				title: stepTitle(survey, step),
				questions: fields.map((field) => ({
					text: fieldView(survey, field)?.text ?? field,
					href: `${paths.step(step.id)}?from=summary#${field}`
				}))
			}))
		: [];
	return {
		firmName: survey.round.firmName,
		canAnswer: survey.canAnswer,
		hasDraft: draft !== null && draftKey !== null,
		// Back from the thank-you page lands here with the draft gone: say it was sent, not that nothing is here.
		sent: survey.sent && draft === null,
		skipped,
		submissionKey: draft && draftKey ? submissionKeyFor(draftKey) : null,
		lastStepPath: paths.step(last.id),
		firstStepPath: paths.step(steps[0]!.id)
	};
}

/** Every screen's questions on one page, in the screens' order, with a fresh key for this one send. */
export function allQuestionsPage(survey: Survey) {
	return {
		firmName: survey.round.firmName,
		sections: survey.steps.map((step) => ({
			id: step.id,
			title: stepTitle(survey, step),
			intro: stepIntro(survey, step),
			questions: screenQuestions(survey, step)
		})),
		values: survey.draft ?? {},
		submissionKey: newKey(),
		surveyForm: { id: SURVEY_FORM_ID, go: null } satisfies SurveyFormTarget,
		screensPath: survey.paths.step(survey.steps[0]!.id)
	};
}

/** One question by its variable: the instrument's, or the round's question about a finished action. */
function fieldView(survey: Survey, field: string): QuestionView | null {
	const question = survey.round.followups.find((q) => followupVariable(q.actionId) === field);
	if (question) return followupQuestionView(survey.instrument, field, m.followup_statement({ title: question.title }), survey.locale);
	return questionView(survey.instrument, field, 'employee', survey.locale, survey.round.teams);
}

/** Where a stored answer that no longer fits can be fixed: its question and a link to its screen. */
export function problemLinks(survey: Survey, fields: readonly (string | null)[]) {
	const links: { text: string; href: string }[] = [];
	for (const field of new Set(fields)) {
		const step = survey.steps.find((s) => field !== null && s.fields.includes(field));
		if (!field || !step) continue;
		const text = fieldView(survey, field)?.text ?? field;
		links.push({ text, href: `${survey.paths.step(step.id)}?from=summary#${field}` });
	}
	return links;
}
