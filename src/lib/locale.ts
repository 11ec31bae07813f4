// Which language a request's pages are in. Paraglide knows all six survey languages, but only the respondent's
// pages are translated into all of them; everything else (owners, coordinators, admin, mails, PDF reports) is
// Dutch or English, so those pages ask for the app's language here instead of paraglide's getLocale().
import { getLocale, locales as messageLocales, type Locale as MessageLocale } from './paraglide/runtime.js';
import { isAppLocale, surveyLocales, type AppLocale, type SurveyLocale } from './domain/instrument';

// The message files and the questionnaire must offer the same languages: this fails to compile when they differ.
const sameLanguages: [MessageLocale] extends [SurveyLocale] ? ([SurveyLocale] extends [MessageLocale] ? true : never) : never = true;
void sameLanguages;
if (messageLocales.length !== surveyLocales.length) throw new Error('project.inlang/settings.json and surveyLocales differ');

/** The respondent pages' language: any of the six. */
export const surveyLocale = (): SurveyLocale => getLocale();

/** The app's language for this request; on respondent pages in another language, the one appLocaleFor chose. */
export function uiLocale(): AppLocale {
	const locale = getLocale();
	return isAppLocale(locale) ? locale : 'en';
}

/**
 * Someone whose browser or earlier choice asks for Polish, Turkish, Arabic or Ukrainian gets the app's pages in
 * Dutch or English, whichever their browser lists first; if it lists neither, English: a person who asked for
 * none of the two is likelier to read English than Dutch (most often a respondent who followed a link off the
 * survey, to the privacy page for instance). Never a page that is half in one language and half in Dutch.
 */
export function appLocaleFor(requested: SurveyLocale, acceptLanguage: string | null): AppLocale {
	if (isAppLocale(requested)) return requested;
	const listed = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
			return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q) };
		})
		.filter((entry) => entry.q > 0)
		.sort((a, b) => b.q - a.q);
	return listed.map((entry) => entry.language).find(isAppLocale) ?? 'en';
}

/** The respondent's pages: the survey, card codes and short links. Only these come in all six languages. */
export function isRespondentPath(pathname: string): boolean {
	return /^\/(s|k|r)(\/|$)/.test(pathname);
}

/**
 * The language of the page at `pathname`, from paraglide's own choice (cookie, browser, default). One rule for
 * the server and the browser: if the browser chose again by itself after loading, a page outside the survey would
 * get Polish or Arabic messages, which paraglide fills with Dutch, and an English page would turn Dutch.
 */
export function pageLocale(pathname: string, requested: SurveyLocale, acceptLanguage: string | null): SurveyLocale {
	return isRespondentPath(pathname) ? requested : appLocaleFor(requested, acceptLanguage);
}

