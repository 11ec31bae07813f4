// In the browser, paraglide would choose the language again by itself (cookie, then the browser's list) and, on a
// page outside the survey, pick Polish or Arabic, whose missing messages it fills with Dutch: an English page
// turned Dutch as soon as its script ran. The browser follows the server's rule instead.
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { pageLocale } from '$lib/locale';

const paraglideChoice = getLocale;
overwriteGetLocale(() => pageLocale(location.pathname, paraglideChoice(), navigator.languages.join(',')));
