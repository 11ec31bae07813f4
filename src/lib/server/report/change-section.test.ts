import { describe, expect, it } from 'vitest';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import { sampleView } from '../../../../tests/helpers/report-views';
import { renderReportPdf } from './pdf/render-report-pdf';
import { buildDocument } from './build-document';
import { formatGap, formatScore } from './format';
import { renderReportFragment } from './web/render-html';

const actions = [{ title: 'Elke maand een <leerlunch>', doneOn: '2026-01-14' }];

describe('the change section of the report', () => {
	it('says per aspect from what to what it went, with the interval in plain words, and explains every number', () => {
		const view = sampleView({ employees: 14, earlier: { employees: 9 }, actions });
		const page = renderReportFragment(buildDocument(view, 'nl')).value;
		expect(page).toContain('<section id="lk-change"');
		expect(page).toContain('Verandering sinds Najaar 2025');
		const werk = view.report.change!.aspects.find((a) => a.id === 'werk')!;
		const sentence = `Inhoud van het werk ging van ${formatScore(werk.before!.mean, 'nl')} naar ${formatScore(werk.after!.mean, 'nl')} (${formatGap(werk.difference, 'nl')}; waarschijnlijk tussen ${formatGap(werk.ci95![0], 'nl')} en ${formatGap(werk.ci95![1], 'nl')}).`;
		expect(page).toContain(sentence);
		// This interval includes zero, so the page says the change may be chance; it never says "significant".
		expect(werk.ci95![0]).toBeLessThan(0);
		expect(page).toContain(`${sentence} Omdat 0 tussen die getallen ligt, kan deze verandering ook toeval zijn.`);
		expect(page).not.toMatch(/significan/i);
		for (const term of ['Verschil', 'Waarschijnlijk tussen', 'Effectgrootte (d)', 'Hoe we vergelijken']) expect(page).toContain(`<dt>${term}</dt>`);
		expect(page).toContain('id="chart-change-history"');
		// The actions, escaped, and without a claim that they caused it.
		expect(page).toContain('Elke maand een &lt;leerlunch&gt; (klaar op 14 januari 2026)');
		expect(page).toContain('Ze kunnen de verandering hebben veroorzaakt, maar dat hoeft niet.');
		expect(page).not.toContain('NaN');
	});

	it('offers the choice of round only on the web page, as a form that works without JavaScript', () => {
		const view = sampleView({ employees: 14, earlier: { employees: 9 } });
		view.comparison.choices.push({ id: '00000000-0000-4000-8000-000000000009', name: 'Voorjaar 2025', opensOn: '2025-03-01', closesOn: '2025-03-31' });
		const web = renderReportFragment(buildDocument(view, 'nl', { compareForm: { action: '/firms/x/rounds/y/report' } })).value;
		expect(web).toMatch(/<form class="lk-choice" method="get" action="\/firms\/x\/rounds\/y\/report"/);
		expect(web).toContain('<option value="00000000-0000-4000-8000-000000000003" selected>Najaar 2025 (gestart op 1 oktober 2025)</option>');
		expect(web).toContain('name="compare"');
		expect(renderReportFragment(buildDocument(view, 'nl')).value).not.toContain('<form');
	});

	it('is left out when there is no earlier round, or this round has no employee figures', () => {
		expect(renderReportFragment(buildDocument(sampleView({ employees: 14 }), 'nl')).value).not.toContain('lk-change');
		const small = sampleView({ employees: 3, earlier: { employees: 9 } });
		expect(small.report.change?.aspects.every((a) => a.difference === null)).toBe(true);
		expect(renderReportFragment(buildDocument(small, 'nl')).value).not.toContain('lk-change');
	});

	it('is in the PDF as text, in English too', async () => {
		const view = sampleView({ employees: 14, earlier: { employees: 9 }, actions, locale: 'en' });
		const text = await pdfPlainText(renderReportPdf(buildDocument(view, 'en')));
		expect(text).toContain('Change since Najaar 2025');
		const samen = view.report.change!.aspects.find((a) => a.id === 'samen')!;
		expect(text).toContain(`Learning together as a team went from ${formatScore(samen.before!.mean, 'en')} to ${formatScore(samen.after!.mean, 'en')}`);
		expect(text).toContain('Elke maand een <leerlunch> (finished on 14 January 2026)');
		expect(text).toContain("Employees' average score per round");
	});
});
