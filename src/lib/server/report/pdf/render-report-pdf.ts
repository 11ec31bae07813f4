// The report as a PDF: A4, vector charts (the same ECharts SVG as the web page), fonts embedded, page
// numbers, built by Typst without a browser.
import type { AppLocale } from '../../../domain/instrument';
import { renderChart } from '../charts/render-chart';
import { renderPdf } from '../../pdf/typst';
import type { Block, ReportDocument, Section } from '../document';
import { formatShare } from '../format';
import { drawable } from '../web/chart-figure';
import { reportTemplate } from './template';
import * as m from '../../../paraglide/messages.js';

/** A chart block as Typst receives it: the picture as SVG text and, when it must be printed, its table. */
type PdfBlock = Exclude<Block, { kind: 'chart' } | { kind: 'subsection' }> | PdfChart | { kind: 'subsection'; section: PdfSection };
interface PdfChart {
	kind: 'chart';
	title: string;
	svg: string | null;
	empty: string;
	table: Extract<Block, { kind: 'table' }> | null;
}
interface PdfSection {
	id: string;
	title: string;
	blocks: PdfBlock[];
}

export function renderReportPdf(doc: ReportDocument): Uint8Array {
	const o = { locale: doc.lang };
	const data = {
		lang: doc.lang,
		eyebrow: doc.eyebrow,
		title: doc.title,
		status: doc.status,
		notices: doc.notices,
		footer: { made: m.report_pdf_made_with({}, o), page: m.report_pdf_page({}, o), of: m.report_pdf_of({}, o) },
		sections: doc.sections.map((s) => pdfSection(s, doc.lang))
	};
	return renderPdf({ template: reportTemplate, data }).pdf;
}

function pdfSection(section: Section, locale: AppLocale): PdfSection {
	return { id: section.id, title: section.title, blocks: section.blocks.map((b) => pdfBlock(b, locale)) };
}

function pdfBlock(block: Block, locale: AppLocale): PdfBlock {
	if (block.kind === 'subsection') return { kind: 'subsection', section: pdfSection(block.section, locale) };
	if (block.kind !== 'chart') return block;
	const model = block.model;
	const svg = drawable(model)
		? renderChart(model, { label: model.title, formatShare: (v) => formatShare(v, locale), width: 640 }).svg
		: null;
	return {
		kind: 'chart',
		title: model.title,
		svg,
		empty: m.report_chart_nothing_to_draw({}, { locale }),
		table: block.printTable ? (block.table ?? null) : null
	};
}
