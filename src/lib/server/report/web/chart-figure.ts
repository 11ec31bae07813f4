// One chart as HTML: the SVG picture and, in a <details> beneath it, the same numbers as a table with a
// caption, so screen-reader users and people who prefer numbers get everything the picture shows.
import type { AppLocale } from '../../../domain/instrument';
import type { ChartModel } from '../charts/chart-model';
import { renderChart } from '../charts/render-chart';
import type { ChartBlock, TableBlock } from '../document';
import { formatScore, formatShare } from '../format';
import { html, trusted, type Html } from './html';
import * as m from '../../../paraglide/messages.js';

export function chartFigure(block: ChartBlock, locale: AppLocale, renderTable: (table: TableBlock) => Html): Html {
	const o = { locale };
	const model = block.model;
	const chart = drawable(model)
		? renderChart(model, { label: m.report_chart_label({ title: model.title }, o), formatShare: (v) => formatShare(v, locale) })
		: null;
	return html`<figure class="lk-chart" id="${model.id}">
<figcaption>${model.title}</figcaption>
${chart ? html`<div class="lk-chart-image">${trusted(chart.svg)}</div>` : html`<p class="lk-muted">${m.report_chart_nothing_to_draw({}, o)}</p>`}
<details class="lk-chart-table"><summary>${m.report_chart_show_table({}, o)}</summary>
${renderTable(block.table ?? chartTable(model, locale))}
</details>
</figure>`;
}

export function drawable(model: ChartModel): boolean {
	return model.series.some((s) => s.values.some((v) => v !== null));
}

/** The table of a chart: a row per category, a column per series. */
export function chartTable(model: ChartModel, locale: AppLocale): TableBlock {
	const value = (v: number | null) => (model.scale.kind === 'share' ? formatShare(v, locale) : formatScore(v, locale));
	return {
		kind: 'table',
		caption: model.title,
		head: [model.categoryHeading, ...model.series.map((s) => s.name)],
		numericFrom: 1,
		rows: model.categories.map((category, row) => ({ header: category, cells: model.series.map((s) => value(s.values[row] ?? null)) }))
	};
}
