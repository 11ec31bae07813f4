import { describe, expect, it } from 'vitest';
import { appLocaleFor } from './locale';

describe('the language of the app pages (owners, coordinators, admin)', () => {
	it('keeps Dutch or English when that is what was asked for', () => {
		expect(appLocaleFor('nl', 'en')).toBe('nl');
		expect(appLocaleFor('en', null)).toBe('en');
	});

	it('gives a Polish, Turkish, Arabic or Ukrainian reader the first of Dutch and English their browser lists', () => {
		expect(appLocaleFor('pl', 'pl-PL, nl;q=0.5, en;q=0.8')).toBe('en');
		expect(appLocaleFor('tr', 'tr, nl-NL;q=0.9, en;q=0.1')).toBe('nl');
		expect(appLocaleFor('ar', 'ar;q=1, en;q=0, nl;q=0.2')).toBe('nl');
	});

	it('gives English when the browser lists neither', () => {
		expect(appLocaleFor('uk', 'uk-UA,uk;q=0.9,ru;q=0.8')).toBe('en');
		expect(appLocaleFor('ar', null)).toBe('en');
	});
});
