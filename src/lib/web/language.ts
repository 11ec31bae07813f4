// Choosing a language, one rule for the header's own form (/language) and for survey pages that post their answers
// along with the choice (web/survey/actions.ts).
import type { Cookies } from '@sveltejs/kit';
import { cookieName, isLocale } from '../paraglide/runtime.js';
import { setAccountLanguage } from '../server/auth/account-language';
import type { SurveyLocale } from '../domain/instrument';
import { app } from './app';
import { switchRequestLocale } from './request-locale';

/**
 * Keeps a posted language in the language cookie (and, for a signed-in person, on the account) and answers the
 * rest of this request in it. Returns the language, or null when the post chose none of the six.
 */
export async function chooseLanguage(
	event: { cookies: Cookies; locals: App.Locals },
	posted: FormDataEntryValue | null
): Promise<SurveyLocale | null> {
	const locale = String(posted ?? '');
	// Any of the respondent's six languages; setAccountLanguage keeps only the app's two (nl, en) for mails.
	if (!isLocale(locale)) return null;
	event.cookies.set(cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 400, httpOnly: false, sameSite: 'lax' });
	// A signed-in person's choice is the account's too: mails sent later without a request use it.
	if (event.locals.user) await setAccountLanguage(app().database.db, event.locals.user.id, locale);
	switchRequestLocale(locale);
	return locale;
}
