// Reads back the messages Leerkompas itself writes (outbox files, or what a test SMTP server received):
// headers, the text part and the HTML part. Not a general MIME parser: no attachments, no exotic charsets
// beyond what TextDecoder knows, but enough to find a sign-in link in a test or a support session.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ParsedMail {
	headers: Record<string, string>;
	from: string;
	to: string;
	subject: string;
	text?: string;
	html?: string;
}

export function parseEml(raw: Buffer | string): ParsedMail {
	// latin1 maps every byte to one character, so the structure can be cut up as text and the
	// parts turned back into their exact bytes before decoding with their own charset.
	const binary = typeof raw === 'string' ? Buffer.from(raw, 'utf8').toString('latin1') : raw.toString('latin1');
	const found: { text?: string; html?: string } = {};
	const { headers } = walk(binary, found);
	return {
		headers,
		from: headers['from'] ?? '',
		to: headers['to'] ?? '',
		subject: headers['subject'] ?? '',
		...found
	};
}

/** The outbox's .eml files, oldest first. */
export async function readOutbox(dir: string): Promise<(ParsedMail & { file: string })[]> {
	let names: string[];
	try {
		names = (await readdir(dir)).filter((n) => n.endsWith('.eml')).sort();
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw e;
	}
	return Promise.all(
		names.map(async (name) => {
			const file = join(dir, name);
			return { file, ...parseEml(await readFile(file)) };
		})
	);
}

function walk(entity: string, found: { text?: string; html?: string }): { headers: Record<string, string> } {
	const split = /\r?\n\r?\n/.exec(entity);
	const headBlock = split ? entity.slice(0, split.index) : entity;
	const body = split ? entity.slice(split.index + split[0].length) : '';
	const headers = parseHeaders(headBlock);
	const { type, params } = parseContentType(headers['content-type'] ?? 'text/plain; charset=us-ascii');

	if (type.startsWith('multipart/') && params['boundary']) {
		for (const part of splitMultipart(body, params['boundary'])) walk(part, found);
	} else if (type === 'text/plain' || type === 'text/html') {
		const bytes = decodeTransfer(body, (headers['content-transfer-encoding'] ?? '7bit').toLowerCase());
		const text = decodeCharset(bytes, params['charset'] ?? 'us-ascii');
		if (type === 'text/plain' && found.text === undefined) found.text = text;
		if (type === 'text/html' && found.html === undefined) found.html = text;
	}
	return { headers };
}

function parseHeaders(block: string): Record<string, string> {
	const headers: Record<string, string> = {};
	const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
	for (const line of unfolded.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		const name = line.slice(0, colon).trim().toLowerCase();
		if (headers[name] === undefined) headers[name] = decodeWords(line.slice(colon + 1).trim());
	}
	return headers;
}

function parseContentType(value: string): { type: string; params: Record<string, string> } {
	const [type = '', ...rest] = value.split(';');
	const params: Record<string, string> = {};
	for (const p of rest) {
		const eq = p.indexOf('=');
		if (eq < 0) continue;
		params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
	}
	return { type: type.trim().toLowerCase(), params };
}

function splitMultipart(body: string, boundary: string): string[] {
	const parts: string[] = [];
	const lines = body.split(/\r?\n/);
	let current: string[] | null = null;
	for (const line of lines) {
		if (line === `--${boundary}--`) break;
		if (line === `--${boundary}`) {
			if (current) parts.push(current.join('\r\n'));
			current = [];
		} else if (current) {
			current.push(line);
		}
	}
	if (current) parts.push(current.join('\r\n'));
	return parts;
}

function decodeTransfer(body: string, encoding: string): Buffer {
	if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
	if (encoding === 'quoted-printable') {
		const joined = body.replace(/=\r?\n/g, '');
		return Buffer.from(joined.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
	}
	return Buffer.from(body, 'latin1');
}

function decodeCharset(bytes: Buffer, charset: string): string {
	try {
		return new TextDecoder(charset.toLowerCase()).decode(bytes);
	} catch {
		return bytes.toString('utf8');
	}
}

// RFC 2047 encoded words; whitespace between two adjacent encoded words is not part of the text.
function decodeWords(binary: string): string {
	// Headers that are not encoded may still hold raw UTF-8 (SMTPUTF8); encoded words are plain ASCII.
	const value = utf8IfValid(binary);
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
			const bytes =
				enc.toUpperCase() === 'B'
					? Buffer.from(data, 'base64')
					: Buffer.from(
							data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
							'latin1'
						);
			return decodeCharset(bytes, charset);
		});
}

function utf8IfValid(binary: string): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(binary, 'latin1'));
	} catch {
		return binary;
	}
}
