import type { PageServerLoad } from './$types';
import { renderMethod } from '$lib/server/method/render-method';
import { uiLocale } from '$lib/locale';
// The respondents' page about anonymity, in their language: B1 Dutch, or the English threat model.
// Read into the build, so the server needs no docs/ folder beside it.
import dutch from '../../../docs/privacy.nl.md?raw';
import english from '../../../docs/privacy.md?raw';

export const load: PageServerLoad = async () => {
	const locale = uiLocale();
	return { ...renderMethod(locale === 'nl' ? dutch : english), locale };
};
