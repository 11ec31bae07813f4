import { describe, expect, it } from 'vitest';
import { loadInstrument } from '../../../domain/instrument';
import { pdfPlainText, pdfText } from '../../../../../tests/helpers/pdf-text';
import { buildDocument } from '../build-document';
import { sampleView } from '../../../../../tests/helpers/report-views';
import { renderReportPdf } from './render-report-pdf';

describe('the PDF report', () => {
	it('holds the firm, every aspect, the method and page numbers as real text', async () => {
		const view = sampleView({ employees: 30, firmName: 'Garage "De Zon" & Zn #1' });
		const pdf = renderReportPdf(buildDocument(view, 'nl'));
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const text = await pdfPlainText(pdf);
		expect(text).toContain('Garage "De Zon" & Zn #1: Voorjaar 2026');
		for (const aspect of loadInstrument('v1').aspects) expect(text).toContain(aspect.label.nl);
		expect(text).toContain('Hoe komen deze cijfers tot stand?');
		expect(text).toContain('verborgen om niemand herkenbaar te maken');
		const pages = (await pdfText(pdf)).pages;
		expect(pages.length).toBeGreaterThan(3);
		expect(pages[0]).toContain(`Pagina 1 van ${pages.length}`);
		expect(pages.at(-1)?.replace(/\s+/g, ' ')).toContain(`Pagina ${pages.length} van ${pages.length}`);
	});

	it('prints what you can do: each tip with its summary and reason, linked to the app', async () => {
		const advice = {
			worrySet: true,
			recommendations: [
				{ entry: 'meester-gezel', title: 'Meester en gezel', summary: 'Een ervaren vakman leert een nieuwe collega het vak.', reason: "Omdat 'Samen leren in het team' het laagst scoort.", aspects: ['samen'], worries: [] }
			]
		};
		const pdf = renderReportPdf(buildDocument(sampleView({ employees: 12, advice }), 'nl', { origin: 'https://leerkompas.example' }));
		const text = await pdfPlainText(pdf);
		expect(text).toContain('Wat kunt u doen?');
		expect(text).toContain('1. Meester en gezel');
		expect(text).toContain('Een ervaren vakman leert een nieuwe collega het vak.');
		expect(text).toContain("Omdat 'Samen leren in het team' het laagst scoort.");
		expect(text).toContain('Waarom deze tips?');
		expect(Buffer.from(pdf).toString('latin1')).toContain('https://leerkompas.example/knowledge/meester-gezel');
	});

	it('prints open answers exactly as typed, markup and all', async () => {
		const typed = 'Meer *tijd* voor #cursussen, $5 per uur = <genoeg> @iedereen [ja] _echt_ \\ `code`';
		const view = sampleView({ employees: 10, openAnswersVerbatim: true, openTexts: [typed] });
		const text = await pdfPlainText(renderReportPdf(buildDocument(view, 'nl')));
		expect(text).toContain(typed);
	});

	it('without enough employees explains why and shows only the owner\u2019s own view, in English too', async () => {
		const view = sampleView({ employees: 2, locale: 'en' });
		const text = await pdfPlainText(renderReportPdf(buildDocument(view, 'en')));
		expect(text).toContain('No figures about your employees yet');
		// never how many answers are still needed: that number would move with one person
		expect(text).not.toMatch(/more answers? needed/);
		expect(text).not.toContain('needed for a new version');
		expect(text).toContain('Answer the statements yourself');
		expect(text).not.toContain('Differences between groups');
		expect(text).toContain('Page 1 of');
	});
});
