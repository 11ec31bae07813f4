// Reads the text back out of a PDF, so tests can check what a printed page says. pdf.js (Mozilla's PDF
// reader, the legacy build that runs on Node 20) does the reading: no poppler, no browser.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

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
