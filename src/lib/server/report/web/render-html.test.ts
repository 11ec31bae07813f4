import { describe, expect, it } from 'vitest';
import { buildDocument } from '../build-document';
import { sampleView } from '../../../../../tests/helpers/report-views';
import { escapeHtml, html, trusted } from './html';
import { renderReportDocument, renderReportFragment } from './render-html';

/** The figures of a page with the number of tables with a caption inside each. */
function chartsAndTables(page: string): { charts: number; withTable: number } {
	const figures = page.match(/<figure class="lk-chart"[\s\S]*?<\/figure>/g) ?? [];
	return { charts: figures.length, withTable: figures.filter((f) => /<table>\s*<caption>[^<]+<\/caption>/.test(f)).length };
}

describe('html template', () => {
	it('escapes every value except trusted markup', () => {
		const value = `<img src=x onerror="alert('x')">&`;
		expect(html`<p title="${value}">${value}</p>`.value).toBe(`<p title="${escapeHtml(value)}">${escapeHtml(value)}</p>`);
		expect(html`<div>${trusted('<b>vet</b>')}${[1, 'a<', null, false]}</div>`.value).toBe('<div><b>vet</b>1a&lt;</div>');
	});
});

const advice = {
	worrySet: true,
	recommendations: [
		{ entry: 'meester-gezel', title: 'Meester & gezel <b>', summary: 'Een ervaren vakman leert een nieuwe collega het vak.', reason: "Omdat 'Samen leren in het team' het laagst scoort.", aspects: ['samen'], worries: [] }
	]
};

describe('what you can do (recommendations)', () => {
	it('lists each tip with a link to its knowledge-base page, its summary and its reason, escaped', () => {
		const page = renderReportFragment(buildDocument(sampleView({ employees: 12, advice }), 'nl')).value;
		expect(page).toContain('<section id="lk-advice"');
		expect(page).toContain('Wat kunt u doen?');
		expect(page).toContain('<a href="/knowledge/meester-gezel">Meester &amp; gezel &lt;b&gt;</a>');
		expect(page).toContain('Omdat &#39;Samen leren in het team&#39; het laagst scoort.');
		expect(page).toContain('Waarom deze tips?');
		expect(page).toContain('href="/method/recommendations"');
		expect(page).not.toContain('Vul bij de bedrijfsgegevens in wat u het meest bezighoudt');
	});

	it('says when nothing fits, and where to say what worries the owner', () => {
		const page = renderReportFragment(buildDocument(sampleView({ employees: 12 }), 'nl')).value;
		expect(page).toContain('Er is in de kennisbank nog geen tip die past bij deze uitkomsten.');
		expect(page).toContain('Vul bij de bedrijfsgegevens in wat u het meest bezighoudt');
		expect(page).not.toContain('lk-recommendations');
	});
});

describe('the HTML report', () => {
	it('shows every part of a full report, and every chart with its table', () => {
		const view = sampleView({ employees: 40, invited: 100, openAnswersVerbatim: true, openTexts: ['<script>alert(1)</script> *meer* tijd'] });
		const page = renderReportFragment(buildDocument(view, 'nl'), { downloads: { pdf: '/r.pdf', json: '/r.json' } }).value;
		for (const id of ['lk-summary', 'lk-aspects', 'lk-contrasts', 'lk-learning', 'lk-open', 'lk-guide', 'lk-advice', 'lk-method']) {
			expect(page).toContain(`<section id="${id}"`);
		}
		expect(page).toContain('Bakkerij De Korenaar: Voorjaar 2026');
		expect(page).toContain('Een nieuwe versie komt pas als er minstens 5 nieuwe antwoorden zijn.');
		expect(page).not.toMatch(/antwoorden? nodig voor een nieuwe versie/);
		// 40 of 100 is under half
		expect(page).toContain('id="lk-low-rate"');
		expect(page).toContain('verborgen om niemand herkenbaar te maken');
		expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; *meer* tijd');
		expect(page).not.toContain('<script');
		expect(page).not.toContain('NaN');
		const { charts, withTable } = chartsAndTables(page);
		// the summary, six aspects, four breakdowns and two about learning
		expect(charts).toBe(13);
		expect(withTable).toBe(charts);
		expect(page).toContain('href="/r.pdf"');
	});

	it('keeps open answers out when respondents were not told they are shown word for word', () => {
		const view = sampleView({ employees: 12, openAnswersVerbatim: false, openTexts: ['Geheim antwoord'] });
		const page = renderReportFragment(buildDocument(view, 'nl')).value;
		expect(page).not.toContain('Geheim antwoord');
		expect(page).toContain('niet verteld dat hun antwoorden letterlijk te lezen zijn');
	});

	it('shows no employee figure below k, says why, and offers only what exists: the own view and a talk', () => {
		const view = sampleView({ employees: 3 });
		const page = renderReportFragment(buildDocument(view, 'nl')).value;
		expect(page).toContain('Nog geen cijfers van uw medewerkers');
		expect(page).toContain('minstens 5 van hen');
		expect(page).toContain('Vul de stellingen zelf in');
		expect(page).toContain('Praat met uw team');
		// never how many answers are still needed (it would move with one person), and no count towards a "new" version of a report that has no version yet
		expect(page).not.toContain('nodig voor een nieuwe versie');
		expect(page).toContain('<a href="/method">');
		expect(page).not.toContain('lk-summary');
		expect(page).not.toContain('Medewerkers</text>');
		const { charts, withTable } = chartsAndTables(page);
		expect(charts).toBe(1);
		expect(withTable).toBe(1);
	});

	it('says at close how many answers came too late to be shown', () => {
		const view = sampleView({ employees: 8, closed: true, tooLate: 3 });
		const page = renderReportFragment(buildDocument(view, 'en')).value;
		expect(page).toContain('The round is closed. This is the final version of the report.');
		expect(page).toContain('3 answers came in after the last version. That is fewer than 5');
		expect(page).not.toContain('more answers needed');
	});

	it('makes a complete stand-alone document with its styles inline', () => {
		const doc = renderReportDocument(buildDocument(sampleView({ employees: 6 }), 'en'));
		expect(doc.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
		expect(doc).toContain('<style>');
		expect(doc).toContain(".lk-report th[scope='row']");
		expect(doc).toContain('</html>');
	});
});

describe('the languages the questionnaire was filled in', () => {
	it('shows the counts the report may show, with the rest under one line, and nothing when there are none', () => {
		const view = sampleView({ employees: 20 });
		const languages = { shown: [{ language: 'nl' as const, label: 'Nederlands', n: 9 }, { language: 'pl' as const, label: 'Polski', n: 5 }], other: 6 };
		const page = renderReportFragment(buildDocument({ ...view, report: { ...view.report, languages } }, 'nl')).value;
		expect(page).toContain('In welke taal is de vragenlijst ingevuld');
		expect(page).toMatch(/Polski<\/th>\s*<td[^>]*>5</);
		expect(page).toMatch(/Andere talen of niet bekend<\/th>\s*<td[^>]*>6</);
		const english = renderReportFragment(buildDocument({ ...view, report: { ...view.report, languages } }, 'en')).value;
		expect(english).toContain('In which language the questionnaire was filled in');
		const none = renderReportFragment(buildDocument({ ...view, report: { ...view.report, languages: null } }, 'nl')).value;
		expect(none).not.toContain('In welke taal is de vragenlijst ingevuld');
	});
});
