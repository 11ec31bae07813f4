// Adding a language must not change what an answer means: every translation of the questionnaire has the same
// tree as content/instrument/v1.json with each text one string, and every respondent message exists in every
// language with the same placeholders. These tests fail for a missing text, key or placeholder.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadInstrument, surveyLocales, withTranslation, type SurveyLocale } from './index';

const translated = surveyLocales.filter((l) => l !== 'nl' && l !== 'en');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const base = readJson('content/instrument/v1.json');

/** The tree without its texts: what answers, codes and exports depend on. */
function stripped(tree: unknown, isText: (value: unknown) => boolean): unknown {
	if (isText(tree)) return '<text>';
	if (Array.isArray(tree)) return tree.map((child) => stripped(child, isText));
	if (tree !== null && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, stripped(v, isText)]));
	return tree;
}
const isSourceText = (value: unknown) => value !== null && typeof value === 'object' && Object.keys(value).sort().join() === 'en,nl';

/** Every text of the loaded instrument: an object with a key per language. */
function texts(tree: unknown, path = ''): { path: string; text: Record<string, unknown> }[] {
	if (tree === null || typeof tree !== 'object') return [];
	if (!Array.isArray(tree) && 'nl' in tree && 'en' in tree) return [{ path, text: tree as Record<string, unknown> }];
	return Object.entries(tree).flatMap(([k, v]) => texts(v, `${path}/${k}`));
}

describe('the questionnaire in every language', () => {
	it.each(translated)('content/instrument/v1.%s.json has the ids, scales and codes of v1.json and a text everywhere', (locale) => {
		const translation = readJson(`content/instrument/v1.${locale}.json`);
		// Strip both: the source's {nl, en} objects and the translation's strings at the same places.
		const sourceTexts = texts(base).map((t) => t.path);
		const strippedTranslation = stripAt(translation, new Set(sourceTexts));
		expect(strippedTranslation).toEqual(stripped(base, isSourceText));
	});

	it('loads every text in all six languages, none empty', () => {
		const all = texts(loadInstrument('v1'));
		expect(all.length).toBeGreaterThan(100);
		for (const { path, text } of all) {
			expect(Object.keys(text).sort(), path).toEqual([...surveyLocales].sort());
			for (const locale of surveyLocales) expect(String(text[locale]).trim(), `${path} ${locale}`).not.toBe('');
		}
	});

	it('refuses a translation that changes a code, drops a text or adds a key', () => {
		const good = readJson('content/instrument/v1.pl.json') as { scale: { dontKnow: number }; title: string; extra?: string };
		expect(() => withTranslation(base, { ...good, scale: { ...good.scale, dontKnow: 7 } }, 'pl', 'v1')).toThrow(/scale\/dontKnow/);
		expect(() => withTranslation(base, { ...good, title: '' }, 'pl', 'v1')).toThrow(/title: no pl text/);
		expect(() => withTranslation(base, { ...good, extra: 'x' }, 'pl', 'v1')).toThrow(/differs/);
		expect(() => withTranslation(base, good, 'pl', 'v1')).not.toThrow();
	});
});

/** Replaces the strings at the given paths (the places of the source's texts) by the same marker. */
function stripAt(tree: unknown, textPaths: Set<string>, path = ''): unknown {
	if (textPaths.has(path)) return typeof tree === 'string' && tree.trim() !== '' ? '<text>' : tree;
	if (Array.isArray(tree)) return tree.map((child, i) => stripAt(child, textPaths, `${path}/${i}`));
	if (tree !== null && typeof tree === 'object') return Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, stripAt(v, textPaths, `${path}/${k}`)]));
	return tree;
}

/** The respondent's messages: what the survey, card and short-link pages and their error pages show. */
const respondentMessages: { area: string; keys: 'all' | string[] }[] = [
	{ area: 'survey', keys: 'all' },
	{ area: 'common', keys: 'all' },
	{ area: 'followup', keys: ['followup_statement', 'followup_step_anonymous', 'followup_step_intro', 'followup_step_title'] },
	{ area: 'firm', keys: ['firm_choose'] }
];

const placeholders = (text: string): string[] => [...text.matchAll(/\{\s*([a-zA-Z_][\w]*)\s*\}/g)].map((m) => m[1] ?? '').sort();

describe('the respondent messages in every language', () => {
	for (const { area, keys } of respondentMessages) {
		const source = readJson(`messages/${area}/nl.json`) as Record<string, string>;
		const wanted = (keys === 'all' ? Object.keys(source).filter((k) => k !== '$schema') : keys) satisfies string[];
		it.each(surveyLocales.filter((l) => l !== 'nl'))(`messages/${area}/%s.json has every key with the placeholders of nl.json`, (locale: SurveyLocale) => {
			const messages = readJson(`messages/${area}/${locale}.json`) as Record<string, unknown>;
			for (const key of wanted) {
				expect(source[key], `${key} in nl`).toBeTypeOf('string');
				const text = messages[key];
				expect(typeof text === 'string' && text.trim() !== '', `${area}/${locale}: ${key}`).toBe(true);
				expect(placeholders(String(text)), `${area}/${locale}: placeholders of ${key}`).toEqual(placeholders(source[key] ?? ''));
			}
		});
	}
});
