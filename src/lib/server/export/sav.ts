// An SPSS system file (.sav) writer, uncompressed, little-endian, UTF-8, as SPSS and PSPP read it.
// Written by hand because no maintained npm package writes .sav files with value labels and missing
// values; the layout follows the PSPP manual's "System File Format" appendix:
//   1  file header               2  variable records (+ continuation records for strings over 8 bytes)
//   3/4 value labels and the variables they apply to
//   7  extension records: 3 machine integers, 4 machine floats, 13 long variable names,
//      14 very long strings (over 255 bytes), 20 character encoding
//   999 end of the dictionary, then the cases (8 bytes per number, strings padded to 8 bytes)
// Variable names longer than 8 bytes get a short name (SPSS's old limit) plus a long name in record 13.

export interface SavValueLabel {
	value: number;
	label: string;
}

export interface SavNumericVariable {
	kind: 'numeric';
	/** 1 to 64 bytes: a letter first, then letters, digits and _ . @ # $. */
	name: string;
	label: string;
	valueLabels: readonly SavValueLabel[];
	/** Discrete user-missing values, at most three (e.g. 9 = "weet ik niet"). */
	missing: readonly number[];
}

export interface SavStringVariable {
	kind: 'string';
	name: string;
	label: string;
	/** Width in bytes (1..32767); values longer than this are cut at a character boundary. */
	width: number;
}

export type SavVariable = SavNumericVariable | SavStringVariable;

/** A number, null (system-missing, or an empty string for string variables), or text. */
export type SavValue = number | string | null;

export interface SavDataset {
	variables: readonly SavVariable[];
	cases: readonly (readonly SavValue[])[];
	fileLabel?: string;
	/** Written into the header; the export time, never anything about a respondent. */
	created?: Date;
}

export const SAV_MAX_STRING_WIDTH = 32767;
const VALUE_LABEL_MAX_BYTES = 120;
const VARIABLE_LABEL_MAX_BYTES = 255;
const SYSMIS = -Number.MAX_VALUE;
const NAME_PATTERN = /^[A-Za-z@#$][A-Za-z0-9_.@#$]*$/;
const RESERVED = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
// F8.2: format type 5 (F), width 8, 2 decimals.
const NUMERIC_FORMAT = (5 << 16) | (8 << 8) | 2;
const stringFormat = (width: number) => (1 << 16) | (Math.min(width, 255) << 8);

export class SavWriteError extends Error {}

const encoder = new TextEncoder();

/** Growable little-endian byte buffer. */
class ByteWriter {
	private buffer = new Uint8Array(4096);
	private view = new DataView(this.buffer.buffer);
	length = 0;

	private reserve(extra: number) {
		if (this.length + extra <= this.buffer.length) return;
		let size = this.buffer.length * 2;
		while (size < this.length + extra) size *= 2;
		const next = new Uint8Array(size);
		next.set(this.buffer.subarray(0, this.length));
		this.buffer = next;
		this.view = new DataView(next.buffer);
	}

	int32(value: number) {
		this.reserve(4);
		this.view.setInt32(this.length, value, true);
		this.length += 4;
	}

	float64(value: number) {
		this.reserve(8);
		this.view.setFloat64(this.length, value, true);
		this.length += 8;
	}

	bytes(data: Uint8Array) {
		this.reserve(data.length);
		this.buffer.set(data, this.length);
		this.length += data.length;
	}

	/** `data` cut or padded to exactly `size` bytes. */
	padded(data: Uint8Array, size: number, pad = 0x20) {
		this.reserve(size);
		const used = Math.min(data.length, size);
		this.buffer.set(data.subarray(0, used), this.length);
		this.buffer.fill(pad, this.length + used, this.length + size);
		this.length += size;
	}

	ascii(text: string, size: number, pad = 0x20) {
		this.padded(encoder.encode(text), size, pad);
	}

	result(): Uint8Array {
		return this.buffer.slice(0, this.length);
	}
}

/** UTF-8 bytes of `text`, at most `max` of them, never cutting a character in two. */
export function utf8Prefix(text: string, max: number): Uint8Array {
	const bytes = encoder.encode(text);
	if (bytes.length <= max) return bytes;
	let end = max;
	// Back up over continuation bytes (10xxxxxx) so the cut falls before a character's first byte.
	while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
	return bytes.subarray(0, end);
}

const roundUp8 = (n: number) => Math.ceil(n / 8) * 8;

/** Very long strings (256 bytes or more) are stored as segments of 255 bytes (PSPP: sys-file-private.c). */
interface Segment {
	shortName: string;
	/** Width declared in the segment's variable record. */
	allocWidth: number;
	/** Bytes of the value this segment carries. */
	usedBytes: number;
	/** Bytes the segment takes in a case (allocWidth rounded up to 8). */
	allocBytes: number;
}

function segmentsOf(width: number): { allocWidth: number; usedBytes: number; allocBytes: number }[] {
	if (width < 256) return [{ allocWidth: width, usedBytes: width, allocBytes: roundUp8(width) }];
	const count = Math.ceil(width / 252);
	return Array.from({ length: count }, (_, j) => {
		const allocWidth = j < count - 1 ? 255 : width - j * 252;
		return { allocWidth, usedBytes: Math.max(0, Math.min(width - 255 * j, 255)), allocBytes: roundUp8(allocWidth) };
	});
}

class ShortNames {
	private used = new Set<string>();

	/** An unused name of at most 8 bytes, as close to `name` as possible. */
	take(name: string): string {
		const base = name.toUpperCase().replace(/[^A-Z0-9_.@#$]/g, '_');
		const first = base.slice(0, 8).replace(/\.$/, '_');
		if (this.free(first)) return this.claim(first);
		for (let n = 1; ; n++) {
			const suffix = String(n);
			const candidate = `${base.slice(0, 8 - suffix.length)}${suffix}`;
			if (this.free(candidate)) return this.claim(candidate);
		}
	}

	private free(name: string) {
		return !this.used.has(name) && !RESERVED.has(name) && /^[A-Z@#$]/.test(name);
	}

	private claim(name: string) {
		this.used.add(name);
		return name;
	}
}

interface PreparedVariable {
	variable: SavVariable;
	segments: Segment[];
	/** 1-based position of the variable's first record among all variable records (for record type 4). */
	dictionaryIndex: number;
}

function checkDataset(dataset: SavDataset) {
	const seen = new Set<string>();
	for (const variable of dataset.variables) {
		const name = variable.name;
		if (!NAME_PATTERN.test(name) || encoder.encode(name).length > 64 || name.endsWith('.') || RESERVED.has(name.toUpperCase())) {
			throw new SavWriteError(`Not a valid SPSS variable name: ${name}`);
		}
		if (seen.has(name.toUpperCase())) throw new SavWriteError(`Variable name used twice: ${name}`);
		seen.add(name.toUpperCase());
		if (variable.kind === 'numeric' && variable.missing.length > 3) {
			throw new SavWriteError(`${name}: at most three missing values`);
		}
		if (variable.kind === 'string' && !(Number.isInteger(variable.width) && variable.width >= 1 && variable.width <= SAV_MAX_STRING_WIDTH)) {
			throw new SavWriteError(`${name}: string width must be 1 to ${SAV_MAX_STRING_WIDTH}`);
		}
	}
	for (const [i, row] of dataset.cases.entries()) {
		if (row.length !== dataset.variables.length) throw new SavWriteError(`Case ${i + 1} has ${row.length} values, expected ${dataset.variables.length}`);
	}
}

function prepare(variables: readonly SavVariable[]): PreparedVariable[] {
	const names = new ShortNames();
	let index = 1;
	return variables.map((variable) => {
		const shapes = variable.kind === 'numeric' ? [{ allocWidth: 0, usedBytes: 8, allocBytes: 8 }] : segmentsOf(variable.width);
		const segments = shapes.map((shape, j) => ({ ...shape, shortName: names.take(j === 0 ? variable.name : `${variable.name.slice(0, 5)}${j}`) }));
		const prepared = { variable, segments, dictionaryIndex: index };
		for (const segment of segments) index += segment.allocBytes / 8;
		return prepared;
	});
}

function writeHeader(out: ByteWriter, dataset: SavDataset, caseSize: number) {
	const created = dataset.created ?? new Date();
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const two = (n: number) => String(n).padStart(2, '0');
	out.ascii('$FL2', 4);
	out.ascii('@(#) SPSS DATA FILE Leerkompas', 60);
	out.int32(2); // layout code
	out.int32(caseSize); // 8-byte units per case
	out.int32(0); // not compressed
	out.int32(0); // no weight variable
	out.int32(dataset.cases.length);
	out.float64(100); // compression bias (unused without compression, but always written)
	out.ascii(`${two(created.getUTCDate())} ${months[created.getUTCMonth()]} ${two(created.getUTCFullYear() % 100)}`, 9);
	out.ascii(`${two(created.getUTCHours())}:${two(created.getUTCMinutes())}:${two(created.getUTCSeconds())}`, 8);
	out.padded(utf8Prefix(dataset.fileLabel ?? '', 64), 64);
	out.padded(new Uint8Array(0), 3, 0);
}

function writeVariableRecords(out: ByteWriter, prepared: PreparedVariable) {
	const { variable, segments } = prepared;
	segments.forEach((segment, j) => {
		const numeric = variable.kind === 'numeric';
		const label = j === 0 ? utf8Prefix(variable.label, VARIABLE_LABEL_MAX_BYTES) : new Uint8Array(0);
		const missing = j === 0 && variable.kind === 'numeric' ? variable.missing : [];
		const format = numeric ? NUMERIC_FORMAT : stringFormat(segment.allocWidth);
		out.int32(2);
		out.int32(numeric ? 0 : segment.allocWidth);
		out.int32(label.length > 0 ? 1 : 0);
		out.int32(missing.length);
		out.int32(format);
		out.int32(format);
		out.ascii(segment.shortName, 8);
		if (label.length > 0) {
			out.int32(label.length);
			out.padded(label, Math.ceil(label.length / 4) * 4);
		}
		for (const value of missing) out.float64(value);
		// A string over 8 bytes takes one continuation record per further 8 bytes.
		for (let k = 1; k < segment.allocBytes / 8; k++) {
			out.int32(2);
			out.int32(-1);
			out.int32(0);
			out.int32(0);
			out.int32(0);
			out.int32(0);
			out.ascii('', 8);
		}
	});
}

function writeValueLabels(out: ByteWriter, prepared: readonly PreparedVariable[]) {
	// Variables with the same labels (all the statements) share one record, as SPSS itself writes them.
	const sets = new Map<string, { labels: readonly SavValueLabel[]; indexes: number[] }>();
	for (const { variable, dictionaryIndex } of prepared) {
		if (variable.kind !== 'numeric' || variable.valueLabels.length === 0) continue;
		const key = JSON.stringify(variable.valueLabels);
		const set = sets.get(key) ?? { labels: variable.valueLabels, indexes: [] };
		set.indexes.push(dictionaryIndex);
		sets.set(key, set);
	}
	for (const { labels, indexes } of sets.values()) {
		out.int32(3);
		out.int32(labels.length);
		for (const { value, label } of labels) {
			const bytes = utf8Prefix(label, VALUE_LABEL_MAX_BYTES);
			out.float64(value);
			// One length byte plus the label, padded to a multiple of 8.
			const size = roundUp8(bytes.length + 1);
			out.padded(Uint8Array.of(bytes.length), 1);
			out.padded(bytes, size - 1);
		}
		out.int32(4);
		out.int32(indexes.length);
		for (const index of indexes) out.int32(index);
	}
}

function writeExtension(out: ByteWriter, subtype: number, size: number, count: number, write: () => void) {
	out.int32(7);
	out.int32(subtype);
	out.int32(size);
	out.int32(count);
	write();
}

function writeTextExtension(out: ByteWriter, subtype: number, text: string) {
	const bytes = encoder.encode(text);
	writeExtension(out, subtype, 1, bytes.length, () => out.bytes(bytes));
}

function writeExtensions(out: ByteWriter, prepared: readonly PreparedVariable[]) {
	writeExtension(out, 3, 4, 8, () => {
		for (const value of [1, 0, 0, -1, 1, 1, 2, 65001]) out.int32(value); // version 1.0.0, IEEE 754, little-endian, UTF-8
	});
	writeExtension(out, 4, 8, 3, () => {
		out.float64(SYSMIS);
		out.float64(Number.MAX_VALUE); // HIGHEST
		// LOWEST: the double just above -DBL_MAX (0xffeffffffffffffe).
		const lowest = new DataView(new ArrayBuffer(8));
		lowest.setUint32(0, 0xfffffffe, true);
		lowest.setUint32(4, 0xffefffff, true);
		out.float64(lowest.getFloat64(0, true));
	});
	writeTextExtension(out, 13, prepared.map((p) => `${p.segments[0]!.shortName}=${p.variable.name}`).join('\t'));
	const veryLong = prepared.filter((p) => p.variable.kind === 'string' && p.variable.width >= 256);
	if (veryLong.length > 0) {
		writeTextExtension(
			out,
			14,
			veryLong.map((p) => `${p.segments[0]!.shortName}=${String((p.variable as SavStringVariable).width).padStart(5, '0')}\0\t`).join('')
		);
	}
	writeTextExtension(out, 20, 'UTF-8');
}

function writeCase(out: ByteWriter, prepared: readonly PreparedVariable[], row: readonly SavValue[]) {
	prepared.forEach(({ variable, segments }, i) => {
		const value = row[i] ?? null;
		if (variable.kind === 'numeric') {
			if (value === null) out.float64(SYSMIS);
			else if (typeof value === 'number' && Number.isFinite(value)) out.float64(value);
			else throw new SavWriteError(`${variable.name}: expected a number, got ${JSON.stringify(value)}`);
			return;
		}
		if (typeof value === 'number') throw new SavWriteError(`${variable.name}: expected text, got a number`);
		const bytes = utf8Prefix(value ?? '', variable.width);
		let offset = 0;
		for (const segment of segments) {
			out.padded(bytes.subarray(offset, offset + segment.usedBytes), segment.allocBytes);
			offset += segment.usedBytes;
		}
	});
}

export function writeSav(dataset: SavDataset): Uint8Array {
	checkDataset(dataset);
	const prepared = prepare(dataset.variables);
	const caseSize = prepared.reduce((sum, p) => sum + p.segments.reduce((s, seg) => s + seg.allocBytes / 8, 0), 0);
	const out = new ByteWriter();
	writeHeader(out, dataset, caseSize);
	for (const p of prepared) writeVariableRecords(out, p);
	writeValueLabels(out, prepared);
	writeExtensions(out, prepared);
	out.int32(999);
	out.int32(0);
	for (const row of dataset.cases) writeCase(out, prepared, row);
	return out.result();
}

/** The smallest width that holds every value of a string column (at least 1 byte). */
export function stringWidthFor(values: readonly (string | null)[]): number {
	let width = 1;
	for (const value of values) if (value) width = Math.max(width, encoder.encode(value).length);
	return Math.min(width, SAV_MAX_STRING_WIDTH);
}
