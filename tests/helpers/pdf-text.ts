// Reads the text back out of a PDF, so tests can check what a printed page says. pdf.js (Mozilla's PDF
// reader, the legacy build that runs on Node 20) does the reading: no poppler, no browser.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
	/** Text per page: one line per line of print, in the order the page draws it. */
	pages: string[];
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
	const items = await pdfTextItems(pdf);
	const pages = Array.from({ length: items.pageCount }, () => '');
	for (const item of items.items) pages[item.page] += item.str + (item.hasEOL ? '\n' : '');
	return { pages };
}

/** One run of text where the page draws it, in points from the page's bottom left (PDF's own coordinates). */
export interface PdfTextItem {
	/** 0 for the first page */
	page: number;
	str: string;
	hasEOL: boolean;
	/** start of the baseline */
	x: number;
	y: number;
	width: number;
	/** the font size the run is drawn at */
	size: number;
}

/** Every run of text with its place, so a test can check that print stays inside its box and runs do not overlap. */
export async function pdfTextItems(pdf: Uint8Array): Promise<{ pageCount: number; items: PdfTextItem[] }> {
	// pdf.js takes the bytes over (it detaches the buffer), so it gets a copy and the caller keeps theirs.
	const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
	try {
		const items: PdfTextItem[] = [];
		for (let number = 1; number <= doc.numPages; number++) {
			const content = await (await doc.getPage(number)).getTextContent();
			for (const item of content.items) {
				if (!('str' in item)) continue;
				const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
				items.push({ page: number - 1, str: item.str, hasEOL: item.hasEOL, x, y, width: item.width, size: Math.hypot(a, b) });
			}
		}
		return { pageCount: doc.numPages, items };
	} finally {
		await doc.destroy();
	}
}

/** All of a PDF's text on one line with single spaces: what a reader sees, whatever the line breaks. */
export async function pdfPlainText(pdf: Uint8Array): Promise<string> {
	return (await pdfText(pdf)).pages.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The width, in points, of every frame a page clips its drawing to. Typst clips each picture it places (such as a
 * QR code) to the picture's frame, so this tells how large a page prints its pictures.
 */
export async function pdfClipWidths(pdf: Uint8Array, page = 1): Promise<number[]> {
	const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
	try {
		const { fnArray, argsArray } = await (await doc.getPage(page)).getOperatorList();
		const widths: number[] = [];
		for (const [i, fn] of fnArray.entries()) {
			if (fn !== OPS.clip) continue;
			// pdf.js marks the clip before it hands over the path (painted by "n"), with its box [minX, minY, maxX, maxY] third
			const path = fnArray.indexOf(OPS.constructPath, i);
			const bounds = (argsArray[path] as unknown[] | undefined)?.[2] as Record<number, number> | undefined;
			if (bounds) widths.push(bounds[2]! - bounds[0]!);
		}
		return widths;
	} finally {
		await doc.destroy();
	}
}
