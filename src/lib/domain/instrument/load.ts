import v1 from '../../../../content/instrument/v1.json';
import { instrumentSchema, type Instrument } from './schema';

/**
 * Imported statically so the bundle, the tests and the CLI (tsx) all carry the same texts without file I/O.
 * A version that has answers is never edited: a changed instrument is a new file with a new id.
 */
const sources: Readonly<Record<string, unknown>> = { v1 };

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
	const instrument = deepFreeze(instrumentSchema.parse(source));
	if (instrument.version !== version) {
		throw new Error(`Instrument file for ${version} declares version ${instrument.version}`);
	}
	cache.set(version, instrument);
	return instrument;
}

/** Callers share one parsed object per version; freezing stops one of them changing it for all. */
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
