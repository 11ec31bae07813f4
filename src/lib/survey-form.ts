// The header's language buttons on a survey page that has answers to lose (a screen, the one-page questionnaire)
// submit that page's own form rather than their own: what the respondent typed goes along, and the page comes back
// in the chosen language with it (web/survey/actions.ts). Shared by the page, the header and the actions.

/** The id of the answers' form on those pages. */
export const SURVEY_FORM_ID = 'survey-answers';

/** The field a language button posts in that form: not an answer. */
export const LANGUAGE_FIELD = 'language';

/** What the header needs to know about a page's answers form; `go` is what pressing Enter in the form means. */
export interface SurveyFormTarget {
	id: typeof SURVEY_FORM_ID;
	go: string | null;
}
