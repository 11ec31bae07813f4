// Days as people write them: "14 maart 2025". Days are calendar days, so no time zone may shift them.
import type { Locale } from '../../../paraglide/runtime.js';

export function formatDay(day: string, locale: Locale): string {
	const date = new Date(`${day}T12:00:00Z`);
	if (Number.isNaN(date.getTime())) return day;
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
