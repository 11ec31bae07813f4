// The language of the request being answered. Paraglide reads it from this store; a post that chooses a language
// (web/language.ts) changes it, so the page answered to that post already speaks the new language.
import { AsyncLocalStorage } from 'node:async_hooks';
import { overwriteServerAsyncLocalStorage } from '../paraglide/runtime.js';
import type { SurveyLocale } from '../domain/instrument';

// Optional as paraglide types its store.
interface LocaleStore {
	locale?: SurveyLocale;
	origin?: string;
	messageCalls?: Set<string>;
}

const storage = new AsyncLocalStorage<LocaleStore>();
overwriteServerAsyncLocalStorage(storage);

/** Runs `answer` in `locale`; `current` gives the language at the end (for the page's lang and dir). */
export function runInLocale<T>(locale: SurveyLocale, origin: string, answer: (current: () => SurveyLocale) => T): T {
	const store: LocaleStore = { locale, origin };
	return storage.run(store, () => answer(() => store.locale ?? locale));
}

/** From here on, this request's messages are in `locale`. */
export function switchRequestLocale(locale: SurveyLocale): void {
	const store = storage.getStore();
	if (store) store.locale = locale;
}
