// sav-reader, the independent .sav reader the export tests check against. It is CommonJS with only a
// `require` export condition, which neither Vite's ESM resolver nor TypeScript's bundler resolution take,
// so it is loaded with require and given the small type below (what the tests use of it).
import { createRequire } from 'node:module';

export interface SavReaderVariable {
	name: string;
	/** 0 numeric, 1 string. */
	type: number;
	label: string | null;
	/** One missing value as a number, several as an array, or null. */
	missing: unknown;
	printFormat: { typestr: string; width: number; nbdec: number };
	__shortName: string;
}

interface SavReaderInstance {
	meta: {
		header: { n_cases: number; encoding: string; fileLabel?: string; product: string };
		sysvars: SavReaderVariable[];
		valueLabels: { appliesToNames: string[]; entries: { val: number | string; label: string }[] }[];
		getValueLabels(name: string): { val: number | string; label: string }[];
	};
	open(): Promise<void>;
	readAllRows(includeNulls?: boolean): Promise<Record<string, number | string | null>[]>;
}

const { SavBufferReader } = createRequire(import.meta.url)('sav-reader') as { SavBufferReader: new (buffer: Buffer) => SavReaderInstance };

/** sav-reader gives system-missing back as the raw value, -DBL_MAX. */
export const SAV_SYSMIS = -Number.MAX_VALUE;

export async function readSav(bytes: Uint8Array) {
	const sav = new SavBufferReader(Buffer.from(bytes));
	await sav.open();
	const rows = await sav.readAllRows(true);
	return { meta: sav.meta, rows };
}
