// Reads the text back out of a PDF, so tests can check what a printed page says. pdf.js (Mozilla's PDF
// reader, the legacy build that runs on Node 20) does the reading: no poppler, no browser.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
	/** Text per page: one line per line of print, in the order the page draws it. */
	pages: string[];
}

export async function pdfText(pdf: Uint8Array): Promise<PdfText> {
	// pdf.js takes the bytes over (it detaches the buffer), so it gets a copy and the caller keeps theirs.
	const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
	try {
		const pages: string[] = [];
		for (let number = 1; number <= doc.numPages; number++) {
			const content = await (await doc.getPage(number)).getTextContent();
			let text = '';
			for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
			pages.push(text);
		}
		return { pages };
	} finally {
		await doc.destroy();
	}
}

/** All of a PDF's text on one line with single spaces: what a reader sees, whatever the line breaks. */
export async function pdfPlainText(pdf: Uint8Array): Promise<string> {
	return (await pdfText(pdf)).pages.join(' ').replace(/\s+/g, ' ').trim();
}
