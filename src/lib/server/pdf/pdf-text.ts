// Reads the text back out of a PDF that Typst wrote, so tests can check what a printed page says without
// poppler or a browser. It understands what Typst writes (plain objects, Flate streams, Identity-H fonts
// with a ToUnicode map), not every PDF in the world.
import { inflateSync } from 'node:zlib';

interface PdfObject {
	dict: string;
	stream?: Buffer;
}

export interface PdfText {
	/** Text per page: one line per baseline, in the order the page draws it. */
	pages: string[];
}

export function pdfText(pdf: Uint8Array): PdfText {
	const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
	const objects = readObjects(bytes);
	const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\s/.test(o.dict));
	if (!root) throw new Error('No page tree in this PDF');
	const fonts = new Map<number, FontInfo>();
	const fontInfo = (fontRef: number): FontInfo => {
		const cached = fonts.get(fontRef);
		if (cached) return cached;
		const font = objects.get(fontRef);
		const toUnicode = font ? refIn(font.dict, 'ToUnicode') : undefined;
		const stream = toUnicode === undefined ? undefined : objects.get(toUnicode)?.stream;
		const descendant = font?.dict.match(/\/DescendantFonts\s*\[\s*(\d+)\s+0\s+R/)?.[1];
		const cidFont = descendant === undefined ? undefined : objects.get(Number(descendant));
		const info: FontInfo = {
			toUnicode: stream ? parseCMap(stream.toString('latin1')) : new Map<number, string>(),
			widths: cidFont ? parseWidths(cidFont.dict) : new Map<number, number>(),
			defaultWidth: Number(cidFont?.dict.match(/\/DW\s+([\d.]+)/)?.[1] ?? 1000)
		};
		fonts.set(fontRef, info);
		return info;
	};
	const pages = pageObjects(objects, root).map((page) => {
		const names = fontRefs(objects, page.dict);
		const contents = contentRefs(page.dict).map((ref) => objects.get(ref)?.stream?.toString('latin1') ?? '');
		return joinRuns(contents.flatMap((content) => textRuns(content, (name) => fontInfo(names.get(name) ?? -1))));
	});
	return { pages };
}

/** All of a PDF's text on one line with single spaces: what a reader sees, whatever the line breaks. */
export function pdfPlainText(pdf: Uint8Array): string {
	return pdfText(pdf).pages.join(' ').replace(/\s+/g, ' ').trim();
}

function readObjects(bytes: Buffer): Map<number, PdfObject> {
	const text = bytes.toString('latin1');
	const objects = new Map<number, PdfObject>();
	const header = /(\d+)\s+0\s+obj\b/g;
	let match: RegExpExecArray | null;
	while ((match = header.exec(text))) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endobj', start);
		if (end < 0) break;
		const body = text.slice(start, end);
		const streamAt = body.search(/\bstream\r?\n/);
		if (streamAt < 0) {
			objects.set(Number(match[1]), { dict: body });
		} else {
			const dict = body.slice(0, streamAt);
			const dataStart = start + streamAt + body.slice(streamAt).match(/^stream\r?\n/)![0].length;
			const length = Number(dict.match(/\/Length\s+(\d+)(?!\s+0\s+R)/)?.[1] ?? Number.NaN);
			const dataEnd = Number.isFinite(length) ? dataStart + length : text.lastIndexOf('endstream', end);
			const raw = bytes.subarray(dataStart, dataEnd);
			objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
		}
		header.lastIndex = end;
	}
	return objects;
}

function refIn(dict: string, key: string): number | undefined {
	const found = dict.match(new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`));
	return found ? Number(found[1]) : undefined;
}

function pageObjects(objects: Map<number, PdfObject>, node: PdfObject, depth = 0): PdfObject[] {
	if (depth > 32) return [];
	const kids = node.dict.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? '';
	const result: PdfObject[] = [];
	for (const ref of kids.matchAll(/(\d+)\s+0\s+R/g)) {
		const kid = objects.get(Number(ref[1]));
		if (!kid) continue;
		if (/\/Type\s*\/Pages\b/.test(kid.dict)) result.push(...pageObjects(objects, kid, depth + 1));
		else result.push(kid);
	}
	return result;
}

/** Font resource name (f0, f1, …) to the font object, whether the resources are inline or referenced. */
function fontRefs(objects: Map<number, PdfObject>, pageDict: string): Map<string, number> {
	const resourcesRef = refIn(pageDict, 'Resources');
	const resources = resourcesRef === undefined ? pageDict : (objects.get(resourcesRef)?.dict ?? '');
	const fontRef = refIn(resources, 'Font');
	const fontDict = fontRef === undefined ? (resources.match(/\/Font\s*<<([\s\S]*?)>>/)?.[1] ?? '') : (objects.get(fontRef)?.dict ?? '');
	const map = new Map<string, number>();
	for (const entry of fontDict.matchAll(/\/([^\s/<>[\]()]+)\s+(\d+)\s+0\s+R/g)) map.set(entry[1]!, Number(entry[2]));
	return map;
}

function contentRefs(pageDict: string): number[] {
	const array = pageDict.match(/\/Contents\s*\[([^\]]*)\]/);
	if (array) return [...array[1]!.matchAll(/(\d+)\s+0\s+R/g)].map((m) => Number(m[1]));
	const single = refIn(pageDict, 'Contents');
	return single === undefined ? [] : [single];
}

function parseCMap(source: string): Map<number, string> {
	const map = new Map<number, string>();
	for (const block of source.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const pair of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(pair[1]!, 16), utf16(pair[2]!));
	}
	for (const block of source.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
			const from = parseInt(range[1]!, 16);
			const to = parseInt(range[2]!, 16);
			const target = range[3]!;
			if (target.startsWith('[')) {
				const list = [...target.matchAll(/<([0-9A-Fa-f]*)>/g)].map((m) => utf16(m[1]!));
				list.forEach((text, i) => map.set(from + i, text));
			} else {
				const base = target.slice(1, -1);
				for (let code = from; code <= to; code++) {
					const units = base.match(/.{4}/g)?.map((u) => parseInt(u, 16)) ?? [];
					units[units.length - 1]! += code - from;
					map.set(code, String.fromCharCode(...units));
				}
			}
		}
	}
	return map;
}

function utf16(hex: string): string {
	const units = hex.match(/.{4}/g)?.map((u) => parseInt(u, 16)) ?? [];
	return String.fromCharCode(...units);
}

interface FontInfo {
	toUnicode: Map<number, string>;
	/** Glyph widths in thousandths of the font size, from the CID font's /W array. */
	widths: Map<number, number>;
	defaultWidth: number;
}

/** One text-showing operation: its text and where it starts and ends on the page. */
interface TextRun {
	text: string;
	x: number;
	y: number;
	endX: number;
	size: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n, in PDF's row-vector convention: first m, then n. */
function multiply(m: Matrix, n: Matrix): Matrix {
	return [
		m[0] * n[0] + m[1] * n[2],
		m[0] * n[1] + m[1] * n[3],
		m[2] * n[0] + m[3] * n[2],
		m[2] * n[1] + m[3] * n[3],
		m[4] * n[0] + m[5] * n[2] + n[4],
		m[4] * n[1] + m[5] * n[3] + n[5]
	];
}

function parseWidths(dict: string): Map<number, number> {
	const widths = new Map<number, number>();
	const body = dict.match(/\/W\s*\[([\s\S]*)\]/)?.[1] ?? '';
	const tokens = body.match(/\[|\]|[-\d.]+/g) ?? [];
	for (let i = 0; i < tokens.length; ) {
		const first = Number(tokens[i]);
		if (tokens[i + 1] === '[') {
			let code = first;
			i += 2;
			while (i < tokens.length && tokens[i] !== ']') widths.set(code++, Number(tokens[i++]));
			i++;
		} else {
			const last = Number(tokens[i + 1]);
			const width = Number(tokens[i + 2]);
			for (let code = first; code <= last; code++) widths.set(code, width);
			i += 3;
		}
	}
	return widths;
}

/** Runs the text operators of a content stream: q/Q/cm place things, Tf picks the font, Tj/TJ show strings. */
function textRuns(content: string, fontFor: (fontName: string) => FontInfo): TextRun[] {
	const runs: TextRun[] = [];
	const stack: Matrix[] = [];
	let ctm: Matrix = IDENTITY;
	let textMatrix: Matrix = IDENTITY;
	let lineMatrix: Matrix = IDENTITY;
	let font: FontInfo = { toUnicode: new Map(), widths: new Map(), defaultWidth: 1000 };
	let size = 0;
	const operands: string[] = [];
	const numbers = () => operands.filter((o) => /^[-+.\d]/.test(o)).map(Number);
	let i = 0;
	while (i < content.length) {
		const c = content[i]!;
		if (c === '(') {
			const [value, next] = literalString(content, i);
			operands.push(`S${value}`);
			i = next;
		} else if (c === '<' && content[i + 1] !== '<') {
			const end = content.indexOf('>', i);
			const hex = content.slice(i + 1, end).replace(/\s+/g, '');
			operands.push(`S${Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex').toString('latin1')}`);
			i = end + 1;
		} else if (c === '[' || c === ']') {
			operands.push(c);
			i++;
		} else if (/\s/.test(c)) {
			i++;
		} else if (c === '%') {
			while (i < content.length && content[i] !== '\n') i++;
		} else {
			const token = content.slice(i).match(/^(\/[^\s/<>[\]()]*|<<|>>|[^\s/<>[\]()%]+)/)?.[0] ?? c;
			i += token.length;
			if (token.startsWith('/') || /^[-+.\d]/.test(token) || token === '<<' || token === '>>') {
				operands.push(token);
				continue;
			}
			switch (token) {
				case 'q':
					stack.push(ctm);
					break;
				case 'Q':
					ctm = stack.pop() ?? IDENTITY;
					break;
				case 'cm': {
					const n = numbers().slice(-6);
					if (n.length === 6) ctm = multiply(n as Matrix, ctm);
					break;
				}
				case 'BT':
					textMatrix = lineMatrix = IDENTITY;
					break;
				case 'Tm': {
					const n = numbers().slice(-6);
					if (n.length === 6) textMatrix = lineMatrix = n as Matrix;
					break;
				}
				case 'Td':
				case 'TD': {
					const [tx = 0, ty = 0] = numbers().slice(-2);
					textMatrix = lineMatrix = multiply([1, 0, 0, 1, tx, ty], lineMatrix);
					break;
				}
				case 'Tf': {
					const name = operands.filter((o) => o.startsWith('/')).pop();
					if (name) font = fontFor(name.slice(1));
					size = numbers().pop() ?? size;
					break;
				}
				case 'Tj':
				case 'TJ':
				case "'":
				case '"': {
					let text = '';
					let advance = 0;
					for (const operand of operands) {
						if (operand.startsWith('S')) {
							const raw = operand.slice(1);
							for (let j = 0; j + 1 < raw.length; j += 2) {
								const code = (raw.charCodeAt(j) << 8) | raw.charCodeAt(j + 1);
								text += font.toUnicode.get(code) ?? '';
								advance += ((font.widths.get(code) ?? font.defaultWidth) / 1000) * size;
							}
						} else if (/^[-+.\d]/.test(operand)) {
							advance -= (Number(operand) / 1000) * size;
						}
					}
					const placed = multiply(textMatrix, ctm);
					const scale = Math.hypot(placed[0], placed[1]) || 1;
					runs.push({ text, x: placed[4], y: placed[5], endX: placed[4] + advance * scale, size: size * scale });
					textMatrix = multiply([1, 0, 0, 1, advance, 0], textMatrix);
					break;
				}
			}
			operands.length = 0;
		}
	}
	return runs;
}

/**
 * Runs on one baseline that touch become one piece of text; a gap between them becomes a space (the next
 * column of a table or a grid), and a new baseline a new line.
 */
function joinRuns(runs: TextRun[]): string {
	let out = '';
	let previous: TextRun | undefined;
	for (const run of runs) {
		if (previous) {
			const sameLine = Math.abs(run.y - previous.y) < Math.max(1, previous.size * 0.2);
			const touching = Math.abs(run.x - previous.endX) < Math.max(1, previous.size * 0.15);
			out += !sameLine ? '\n' : touching ? '' : ' ';
		}
		out += run.text;
		previous = run;
	}
	return out;
}

function literalString(content: string, start: number): [string, number] {
	let depth = 0;
	let out = '';
	let i = start;
	for (; i < content.length; i++) {
		const c = content[i]!;
		if (c === '\\') {
			const n = content[i + 1]!;
			const octal = content.slice(i + 1).match(/^[0-7]{1,3}/)?.[0];
			if (octal) {
				out += String.fromCharCode(parseInt(octal, 8));
				i += octal.length;
				continue;
			}
			const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
			out += escapes[n] ?? (n === '\n' ? '' : n);
			i++;
			continue;
		}
		if (c === '(') {
			if (depth++ === 0) continue;
		} else if (c === ')') {
			if (--depth === 0) return [out, i + 1];
		}
		out += c;
	}
	return [out, i];
}
