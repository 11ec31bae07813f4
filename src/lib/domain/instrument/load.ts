import v1 from '../../../../content/instrument/v1.json';
import v1pl from '../../../../content/instrument/v1.pl.json';
import v1tr from '../../../../content/instrument/v1.tr.json';
import v1ar from '../../../../content/instrument/v1.ar.json';
import v1uk from '../../../../content/instrument/v1.uk.json';
import { instrumentSchema, type Instrument, type SurveyLocale } from './schema';

type Translation = Exclude<SurveyLocale, 'nl' | 'en'>;

/**
 * Imported statically so the bundle, the tests and the CLI (tsx) all carry the same texts without file I/O.
 * A version that has answers is never edited: a changed instrument is a new file with a new id. Its texts in
 * the other languages come in files of their own (content/instrument/<version>.<lang>.json) with the same tree,
 * each text one string; adding a language therefore cannot change an id, a scale or a code.
 */
const sources: Readonly<Record<string, { base: unknown; translations: Record<Translation, unknown> }>> = {
	v1: { base: v1, translations: { pl: v1pl, tr: v1tr, ar: v1ar, uk: v1uk } }
};

export const currentInstrumentVersion = 'v1';
export const instrumentVersions: readonly string[] = Object.keys(sources);

export class UnknownInstrumentVersionError extends Error {
	readonly code = 'unknown_instrument_version';
	constructor(readonly version: string) {
		super(`Unknown instrument version: ${version}`);
		this.name = 'UnknownInstrumentVersionError';
	}
}

const cache = new Map<string, Instrument>();

export function loadInstrument(version: string = currentInstrumentVersion): Instrument {
	const cached = cache.get(version);
	if (cached) return cached;
	const source = Object.hasOwn(sources, version) ? sources[version] : undefined;
	if (source === undefined) throw new UnknownInstrumentVersionError(version);
	const merged = Object.entries(source.translations).reduce(
		(tree, [locale, translation]) => withTranslation(tree, translation, locale, version),
		source.base
	);
	const instrument = deepFreeze(instrumentSchema.parse(merged));
	if (instrument.version !== version) {
		throw new Error(`Instrument file for ${version} declares version ${instrument.version}`);
	}
	cache.set(version, instrument);
	return instrument;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A text of the source file: an object with Dutch and English and nothing else (more once merged). */
const isText = (value: unknown): value is Record<string, unknown> => isRecord(value) && 'nl' in value && 'en' in value;

/**
 * Walks the source and a translation side by side and adds the translation's string to every text. Anything
 * else must be equal in both, so a translation file that moved, added or changed an id or a code is refused
 * here rather than giving answers another meaning.
 */
export function withTranslation(base: unknown, translation: unknown, locale: string, path: string): unknown {
	if (isText(base)) {
		if (typeof translation !== 'string' || translation.trim() === '') throw new Error(`${path}: no ${locale} text`);
		return { ...base, [locale]: translation };
	}
	if (Array.isArray(base)) {
		if (!Array.isArray(translation) || translation.length !== base.length) throw new Error(`${path}: the ${locale} file differs here`);
		return base.map((child, i) => withTranslation(child, translation[i], locale, `${path}[${i}]`));
	}
	if (isRecord(base)) {
		const keys = Object.keys(base);
		if (!isRecord(translation) || Object.keys(translation).length !== keys.length || !keys.every((k) => Object.hasOwn(translation, k))) {
			throw new Error(`${path}: the ${locale} file differs here`);
		}
		return Object.fromEntries(keys.map((k) => [k, withTranslation(base[k], translation[k], locale, `${path}/${k}`)]));
	}
	if (base !== translation) throw new Error(`${path}: the ${locale} file changes a value that is not a text`);
	return base;
}

/** Callers share one parsed object per version; freezing stops one of them changing it for all. */
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
