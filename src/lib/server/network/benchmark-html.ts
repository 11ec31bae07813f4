// The benchmark as HTML: a fragment for the coordinator's page and, with the report's stylesheet inline, a
// stand-alone file for `network report --format html`. Every chart comes with its table.
import * as m from '../../paraglide/messages.js';
import { renderChart } from '../report/charts/render-chart';
import { drawable } from '../report/web/chart-figure';
import { html, trusted, type Html } from '../report/web/html';
import { reportCss } from '../report/web/report-css';
import { formatShare } from '../report/format';
import type { BenchmarkView } from './benchmark-view';

function table(caption: string, head: string[], rows: { cells: string[]; hidden?: boolean }[]): Html {
	return html`<div class="lk-table-wrap" role="region" tabindex="0" aria-label="${caption}"><table>
<caption>${caption}</caption>
<thead><tr>${head.map((h, i) => html`<th scope="col"${i > 0 ? trusted(' class="lk-num"') : ''}>${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) =>
		row.hidden
			? html`<tr class="lk-hidden-group"><th scope="row">${row.cells[0]}</th><td colspan="${head.length - 1}">${row.cells[1]}</td></tr>`
			: html`<tr><th scope="row">${row.cells[0]}</th>${row.cells.slice(1).map((c) => html`<td class="lk-num">${c}</td>`)}</tr>`
	)}</tbody>
</table></div>`;
}

export function benchmarkChartSvg(view: BenchmarkView): string | null {
	if (!drawable(view.chart)) return null;
	return renderChart(view.chart, { label: m.report_chart_label({ title: view.chart.title }, { locale: view.lang }), formatShare: (v) => formatShare(v, view.lang) }).svg;
}

export function renderBenchmarkFragment(view: BenchmarkView, options: { pdf?: string } = {}): Html {
	const svg = benchmarkChartSvg(view);
	return html`<article class="lk-report" lang="${view.lang}" data-testid="network-benchmark">
<header class="lk-header">
<h1>${view.title}</h1>
${view.lines.map((line) => html`<p>${line}</p>`)}
${options.pdf ? html`<p class="lk-downloads"><a href="${options.pdf}">${m.network_pdf_link({}, { locale: view.lang })}</a></p>` : ''}
</header>
${
	view.rows.length === 0
		? ''
		: html`<section id="aspects"><h2>${view.aspectsTitle}</h2>
<p>${view.explain}</p>
${table(view.aspectsTitle, view.head, view.rows.map((cells) => ({ cells })))}
${svg ? html`<figure class="lk-chart" id="${view.chart.id}"><figcaption>${view.chart.title}</figcaption><div class="lk-chart-image">${trusted(svg)}</div></figure>` : ''}
</section>
<section id="groupings"><h2>${view.groupingsTitle}</h2>
<p>${view.groupingsExplain}</p>
${view.groupings.map((g) => html`<h3>${g.title}</h3>${g.rows.length > 0 ? table(g.title, g.head, g.rows) : html`<p>${m.network_not_shown({}, { locale: view.lang })}</p>`}`)}
</section>`
}
</article>`;
}

export function renderBenchmarkDocument(view: BenchmarkView): string {
	return `<!doctype html>
${html`<html lang="${view.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title}</title>
<style>${trusted(reportCss)}</style>
</head>
<body>
${renderBenchmarkFragment(view)}
</body>
</html>`}
`;
}
