import { describe, expect, it } from 'vitest';
import { BENCHMARK, PILOT_EVALUATION } from '../../../../tests/helpers/annual-fixtures';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import { renderReportPdf } from '../report/pdf/render-report-pdf';
import { renderReportFragment } from '../report/web/render-html';
import type { Block, Section } from '../report/document';
import { annualDocument, type AnnualReportInput } from './annual-document';
import type { TalkRecord } from './list-talks';
import { talkFiguresText } from './figures-text';
import { talkFigures } from '../../domain/annual/figures';

const talkRecord: TalkRecord = {
	id: '00000000-0000-4000-8000-000000000001', networkId: '00000000-0000-4000-8000-000000000002', year: 2026, project: 'Leerambassadeurs',
	pilotSlug: 'leerambassadeurs', heldOn: null, participants: '', goals: 'Bereiken', done: 'Gedaan', results: 'Resultaat', lessons: '', nextYear: '', helpNeeded: '',
	status: 'final', createdBy: null, updatedBy: null, createdAt: new Date(), updatedAt: new Date()
};

const input = (overrides: Partial<AnnualReportInput> = {}): AnnualReportInput => ({
	network: { name: 'Leernetwerk Oost', slug: 'leernetwerk-oost' }, year: 2026, introduction: '', conclusions: '',
	talks: [{ talk: talkRecord, evaluation: PILOT_EVALUATION }], drafts: 0, benchmark: BENCHMARK,
	pilots: [{ slug: 'leerambassadeurs', name: 'Leerambassadeurs', evaluation: PILOT_EVALUATION }], threshold: 5, today: '2026-12-15', ...overrides
});

const section = (doc: { sections: Section[] }, id: string) => doc.sections.find((s) => s.id === id)!;
const subsections = (s: Section) => s.blocks.filter((b): b is Extract<Block, { kind: 'subsection' }> => b.kind === 'subsection').map((b) => b.section);

describe('the figures of a talk in words', () => {
	it('writes each estimate with both arms, the difference, its interval and size, and never says "significant"', () => {
		const lines = talkFiguresText(talkFigures({ evaluation: PILOT_EVALUATION, benchmark: BENCHMARK }), { isPilot: true, locale: 'nl' });
		expect(lines[0]).toContain('3 van de 4 onderdelen hebben een uitkomst. Bij 1 ligt het hele 95%-interval boven nul, bij 1 bevat het nul en bij 1 ligt het onder nul.');
		expect(lines[1]).toBe(
			'Inhoud van het werk: bij de pilotbedrijven (6) veranderde de score gemiddeld +0,50, bij de vergelijkingsbedrijven (7) +0,10. Het verschil daartussen is +0,40 punt op de schaal van 1 tot 5. ' +
				'Het 95%-interval loopt van +0,10 tot +0,70 en ligt helemaal boven nul: de cijfers passen bij een vooruitgang, maar hoe groot die echt is, kan overal in dat interval liggen. De effectgrootte is +0,55 (middelgroot).'
		);
		expect(lines[2]).toContain('nog geen uitkomst. Met een meting voor en na zijn er 4 pilotbedrijven en 7 vergelijkingsbedrijven; per groep zijn er minstens 5 nodig.');
		expect(lines[3]).toContain('bevat nul: uit deze cijfers blijkt niet of de pilot hier iets veranderde');
		expect(lines[4]).toContain('ligt helemaal onder nul');
		expect(lines.at(-1)).toBe('De laatste cijfers van het netwerk gaan over 12 bedrijven. Het hoogst scoort Inhoud van het werk (gemiddeld 3,8), het laagst Het bedrijf is ingericht op leren (2,9), op een schaal van 1 tot 5.');
		expect(lines.join(' ').toLowerCase()).not.toContain('significant');
	});

	it('says there are no figures where the platform has none, and a project talk gets no pilot lines', () => {
		expect(talkFiguresText(talkFigures({ evaluation: null, benchmark: null }), { isPilot: true, locale: 'nl' })).toEqual([
			'Voor deze pilot zijn nog geen cijfers: er is nog geen evaluatie gepubliceerd.',
			'Voor het netwerk zijn nog geen cijfers gepubliceerd.'
		]);
		expect(talkFiguresText(talkFigures({ evaluation: PILOT_EVALUATION, benchmark: null }), { isPilot: false, locale: 'en' })).toEqual(['No figures of the network have been published yet.']);
	});
});

describe('the annual report document', () => {
	it('tables every aspect of the benchmark with its firms, mean and quartiles, beside a chart', () => {
		const bench = section(annualDocument(input(), 'nl'), 'benchmark');
		const chart = bench.blocks.find((b) => b.kind === 'chart');
		expect(chart?.kind === 'chart' && chart.table?.rows[0]).toEqual({ header: 'Inhoud van het werk', cells: ['12', '3,8', '3,5', '3,9', '4,1'] });
		expect(chart?.kind === 'chart' && chart.model.series[0]?.values).toEqual(BENCHMARK.aspects.map((a) => a.mean));
	});

	it('shows hidden groups as hidden, without a figure, and draws only the shown ones', () => {
		const sector = subsections(section(annualDocument(input(), 'nl'), 'benchmark')).find((s) => s.id === 'benchmark-sector')!;
		const table = sector.blocks.find((b) => b.kind === 'table');
		expect(table?.kind === 'table' && table.rows.map((r) => ('hidden' in r ? `${r.header}: verborgen` : `${r.header}: ${r.cells[0]}`))).toEqual(['Bouw: 7', 'Horeca: verborgen', 'Overig: verborgen']);
		const chart = sector.blocks.find((b) => b.kind === 'chart');
		expect(chart?.kind === 'chart' && chart.model.series.map((s) => s.name)).toEqual(['Bouw']);
	});

	it('writes each pilot\u2019s evaluation in words and each talk with its figures', () => {
		const doc = annualDocument(input(), 'nl');
		const pilot = subsections(section(doc, 'pilots'))[0]!;
		expect(pilot.title).toBe('Leerambassadeurs');
		const html = renderReportFragment(doc).value;
		expect(html).toContain('De effectgrootte is +0,55 (middelgroot).');
		expect(html).toContain('Verborgen: te weinig bedrijven');
		expect(html).toContain('De coördinator heeft nog geen inleiding geschreven.');
		const talks = subsections(section(doc, 'talks'));
		expect(talks.map((t) => t.title)).toEqual(['Leerambassadeurs']);
	});

	it('without a benchmark and pilots says so plainly, and in English too', () => {
		const doc = annualDocument(input({ benchmark: null, pilots: [], talks: [] }), 'en');
		expect(section(doc, 'benchmark').blocks).toEqual([{ kind: 'paragraph', text: expect.stringContaining('There are no figures of the network yet') }]);
		expect(section(doc, 'pilots').blocks).toEqual([{ kind: 'paragraph', text: expect.stringContaining('There are no pilots with an evaluation yet') }]);
		expect(section(doc, 'talks').blocks).toEqual([{ kind: 'paragraph', text: 'There are no finished progress talks for 2026 yet.' }]);
	});

	it('as a PDF holds the benchmark table, the hidden groups and the pilot\u2019s sentences as real text', async () => {
		const text = await pdfPlainText(renderReportPdf(annualDocument(input({ introduction: 'Een **mooi** jaar. <script>x</script>' }), 'nl')));
		expect(text).toContain('Leernetwerk Oost: jaarverslag 2026');
		expect(text).toContain('Een mooi jaar. <script>x</script>');
		expect(text).toContain('Gemiddelde score per onderdeel');
		expect(text).toContain('Verborgen: te weinig bedrijven');
		expect(text).toContain('De effectgrootte is +0,55 (middelgroot).');
		expect(text).toContain('Effectgrootte');
	});
});
