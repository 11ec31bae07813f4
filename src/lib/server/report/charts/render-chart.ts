// Charts as SVG strings, drawn on the server by ECharts without a browser or canvas. The same SVG goes into
// the web page, the stand-alone HTML and the PDF (Typst reads SVG), so every format shows the same picture.
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartModel } from './chart-model';

echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

const ink = '#1d2b2a';
const muted = '#4a5a58';
const font = 'Arial, Helvetica, sans-serif';

export interface RenderedChart {
	svg: string;
	width: number;
	height: number;
}

export interface RenderChartOptions {
	width?: number;
	/** Short description for assistive technology; the table beside the chart holds the numbers. */
	label: string;
	/** Percentage labels, e.g. (0.625) => "63%", in the reader's language. */
	formatShare: (share: number) => string;
}

// A published version never changes, so its charts are drawn once and then served from memory: drawing
// is the slow part of a report page (several ms per chart). The key holds everything the picture shows.
const CACHE_SIZE = 300;
const cache = new Map<string, RenderedChart>();

export function clearChartCache(): void {
	cache.clear();
}

export function renderChart(model: ChartModel, options: RenderChartOptions): RenderedChart {
	const key = JSON.stringify([model, options.width ?? null, options.label, [0, 0.25, 0.5, 0.75, 1].map(options.formatShare)]);
	const cached = cache.get(key);
	if (cached) {
		// Map keeps insertion order: re-inserting marks the entry as recently used.
		cache.delete(key);
		cache.set(key, cached);
		return cached;
	}
	const rendered = draw(model, options);
	cache.set(key, rendered);
	if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value ?? key);
	return rendered;
}

function draw(model: ChartModel, options: RenderChartOptions): RenderedChart {
	const width = options.width ?? 640;
	const barsPerCategory = model.stacked ? 1 : Math.max(1, model.series.length);
	const legendHeight = 40;
	// Each category gets the room of its bars or of its label's lines, whichever is taller, so a wrapped
	// statement never runs into the next one.
	const rows = model.categories.map((category) => Math.max(barsPerCategory * (model.stacked ? 30 : 16) + 10, labelLines(category) * LABEL_LINE_HEIGHT + 8));
	const height = Math.round(legendHeight + 40 + rows.reduce((sum, row) => sum + row, 0));
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption(option(model, options.formatShare));
		const svg = chart.renderToSVGString();
		return { svg: labelled(svg, options.label), width, height };
	} finally {
		// An undisposed SSR chart keeps an animation timer and would keep the process alive.
		chart.dispose();
	}
}

function option(model: ChartModel, formatShare: (share: number) => string) {
	const share = model.scale.kind === 'share';
	const max = model.scale.kind === 'score' ? model.scale.max : 1;
	const min = model.scale.kind === 'score' ? model.scale.min : 0;
	return {
		animation: false,
		textStyle: { fontFamily: font, color: ink },
		color: model.series.map((s) => s.color),
		legend: {
			top: 0,
			left: 0,
			itemWidth: 14,
			itemHeight: 14,
			textStyle: { color: ink, fontSize: 13 },
			data: model.series.map((s) => s.name)
		},
		grid: { left: 8, right: 24, top: 44, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
		xAxis: {
			type: 'value',
			min,
			max,
			interval: share ? 0.25 : 1,
			axisLabel: { color: muted, fontSize: 12, formatter: (value: number) => (share ? formatShare(value) : String(value)) },
			splitLine: { lineStyle: { color: '#d5dcdb' } }
		},
		yAxis: {
			type: 'category',
			inverse: true,
			data: model.categories,
			axisLabel: { color: ink, fontSize: 12, lineHeight: LABEL_LINE_HEIGHT, width: LABEL_WIDTH, overflow: 'break' },
			axisTick: { show: false }
		},
		series: model.series.map((s) => ({
			type: 'bar',
			name: s.name,
			stack: model.stacked ? 'all' : undefined,
			barMaxWidth: model.stacked ? 22 : 14,
			// null draws no bar; ECharts would draw NaN as nothing too, but null says so.
			data: s.values.map((v) => (v === null ? '-' : v)),
			itemStyle: { color: s.color }
		}))
	};
}

// Statements are wrapped whole (the reader should not have to guess the end of a sentence from "mi…");
// at 12 px a line of 200 px holds about 30 characters, counted low so the estimate never falls short.
const LABEL_WIDTH = 200;
const LABEL_LINE_HEIGHT = 15;
const CHARACTERS_PER_LINE = 28;

function labelLines(text: string): number {
	return Math.max(1, Math.ceil(text.length / CHARACTERS_PER_LINE));
}

/** The root element becomes one image with a name; ECharts escapes its own text, we escape ours. */
function labelled(svg: string, label: string): string {
	return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false"`);
}

export function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
