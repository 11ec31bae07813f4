import { describe, expect, it } from 'vitest';
import { pdfPlainText, pdfText } from '../../../../tests/helpers/pdf-text';
import { qrSvg } from './qr';
import { renderPdf, TYPST_DATA_PRELUDE, TypstRenderError } from './typst';

const template = `${TYPST_DATA_PRELUDE}
#set page(paper: "a4")
#set text(hyphenate: false)
= #data.title
#data.body
#image(bytes(data.qr), format: "svg", width: 4cm)
#pagebreak()
#for line in data.lines [#line \\ ]`;

describe('renderPdf', () => {
	it('renders the data as plain text, whatever characters it holds', async () => {
		const title = 'Café "De Bakker" #1 *niet vet* $x$ [a] <b> @c \\ _ ~';
		const { pdf, pages } = renderPdf({
			template,
			data: { title, body: 'Één regel tekst.', qr: await qrSvg('https://example.nl/r/ABCDE'), lines: ['eerste', 'tweede'] }
		});
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		expect(pages).toBe(2);
		const text = await pdfText(pdf);
		expect(text.pages).toHaveLength(2);
		expect(text.pages[0]!.replace(/\s+/g, ' ')).toContain(title);
		expect(text.pages[0]).toContain('Één regel tekst.');
		expect(text.pages[1]).toContain('eerste');
		expect(await pdfPlainText(pdf)).toContain('tweede');
	});

	it('says what is wrong with a broken template', () => {
		expect(() => renderPdf({ template: '#let x = (', data: {} })).toThrow(TypstRenderError);
		expect(() => renderPdf({ template: `${TYPST_DATA_PRELUDE}\n#data.missing`, data: {} })).toThrow(/missing/);
	});

	it('gives the same bytes for the same input', () => {
		const input = { template: `${TYPST_DATA_PRELUDE}\n#data.x`, data: { x: 'zelfde' }, createdAt: new Date('2026-11-30T12:00:00Z') };
		expect(Buffer.from(renderPdf(input).pdf).equals(Buffer.from(renderPdf(input).pdf))).toBe(true);
	});

	it('carries the date it was made, not 1 January 1970', () => {
		const { pdf } = renderPdf({ template: '#set document(title: "Rapport")\nTekst', data: {} });
		const created = Buffer.from(pdf).toString('latin1').match(/\/CreationDate\s*\(D:(\d{8})/)?.[1];
		expect(created).toBe(new Date().toISOString().slice(0, 10).replace(/-/g, ''));
	});
});

describe('qrSvg', () => {
	it('makes an SVG that encodes nothing but the text', async () => {
		const svg = await qrSvg('https://example.nl/r/ABCDE');
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('viewBox');
		expect(svg).not.toContain('example.nl');
	});
});

describe('pdfText', () => {
	it('reads only real page text, not the metadata', async () => {
		const { pdf } = renderPdf({ template: '#set document(title: "Geheime titel")\nZichtbaar', data: {} });
		const text = await pdfPlainText(pdf);
		expect(text).toBe('Zichtbaar');
		// the text is really compressed in the file, so a plain search would not find it
		expect(Buffer.from(pdf).toString('latin1')).not.toContain('Zichtbaar');
	});
});
