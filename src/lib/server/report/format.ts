// Numbers as people read them in their language: "3,8" and "63%" in Dutch, "3.8" and "63%" in English.
// null is "–": the report says in words why a figure is missing, a made-up 0 would mislead.
import type { AppLocale } from '../../domain/instrument';

export const NO_FIGURE = '–';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: AppLocale, digits: number, style: 'decimal' | 'percent' = 'decimal', sign = false) {
	const key = `${locale}:${digits}:${style}:${sign}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
			style,
			minimumFractionDigits: digits,
			maximumFractionDigits: digits,
			signDisplay: sign ? 'exceptZero' : 'auto'
		});
		cache.set(key, format);
	}
	return format;
}

export function formatScore(value: number | null, locale: AppLocale): string {
	return value === null ? NO_FIGURE : numberFormat(locale, 1).format(value);
}

/** An answer on the 1-5 scale: "5" as chosen; the mean of several owners' answers with one decimal. */
export function formatAnswer(value: number | null, locale: AppLocale): string {
	if (value === null) return NO_FIGURE;
	return Number.isInteger(value) ? numberFormat(locale, 0).format(value) : numberFormat(locale, 1).format(value);
}

export function formatAlpha(value: number | null, locale: AppLocale): string {
	return value === null ? NO_FIGURE : numberFormat(locale, 2).format(value);
}

export function formatShare(value: number | null, locale: AppLocale): string {
	return value === null ? NO_FIGURE : numberFormat(locale, 0, 'percent').format(value);
}

/** A difference with its sign, so "+0,4" and "−0,4" cannot be mistaken for one another. */
export function formatGap(value: number | null, locale: AppLocale): string {
	if (value === null) return NO_FIGURE;
	// Rounded first, so that -0.04 does not print as "-0,0".
	const rounded = Math.round(value * 10) / 10;
	return numberFormat(locale, 1, 'decimal', true).format(rounded === 0 ? 0 : rounded);
}

export function formatCount(value: number | null, locale: AppLocale): string {
	return value === null ? NO_FIGURE : numberFormat(locale, 0).format(value);
}

export function formatDay(isoDay: string, locale: AppLocale): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	if (!year || !month || !day) return isoDay;
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(year, month - 1, day))
	);
}
