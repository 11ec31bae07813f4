// A chart as data: one model gives both the picture (ECharts SVG) and the table beside it, so the table
// always says exactly what the chart shows, for screen readers and for anyone who prefers numbers.

export type ChartScale =
	/** Mean scores on the answer scale. */
	| { kind: 'score'; min: number; max: number }
	/** Shares from 0 to 1, drawn and tabled as percentages. */
	| { kind: 'share' };

export interface ChartSeries {
	name: string;
	/** One value per category; null where there is no figure (too few answers, or hidden). */
	values: (number | null)[];
	color: string;
}

export interface ChartModel {
	id: string;
	title: string;
	/** Heading of the table's first column, naming what the categories are. */
	categoryHeading: string;
	categories: string[];
	series: ChartSeries[];
	scale: ChartScale;
	/** Series stacked to 100% (answer distributions) instead of side by side. */
	stacked: boolean;
}
