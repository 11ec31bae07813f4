// The report as a document: headings, paragraphs, lists, tables and charts, with every text already in
// the reader's language and every number formatted. The HTML and the PDF are two renderings of this one
// model, so the layout and wording of the report are written once.
import type { ChartModel } from './charts/chart-model';

export interface ReportDocument {
	lang: 'nl' | 'en';
	eyebrow: string;
	title: string;
	/** Version and round status, one sentence each. */
	status: string[];
	notices: NoticeBlock[];
	sections: Section[];
}

export interface Section {
	id: string;
	title: string;
	blocks: Block[];
}

/** Plain text, or a lead in bold followed by plain text. */
export type Inline = string | { strong: string; text: string };

export interface NoticeBlock {
	kind: 'notice';
	id?: string;
	tone: 'info' | 'warn';
	strong?: string;
	text: string;
}

export interface TableBlock {
	kind: 'table';
	caption: string;
	head: string[];
	/** Columns from this index on hold numbers (right-aligned). */
	numericFrom: number;
	rows: TableRow[];
}

export type TableRow =
	| { header: string; note?: string; cells: string[] }
	/** A row whose figures are withheld, with one sentence across all columns saying why. */
	| { header: string; hidden: string };

export interface ChartBlock {
	kind: 'chart';
	model: ChartModel;
	/** The chart's table, when it must say more than the chart (hidden groups); otherwise made from the model. */
	table?: TableBlock;
	/** The PDF prints this table under the chart; elsewhere the chart says enough on paper. */
	printTable: boolean;
}

/** A choice that reloads the web page with another value (a GET form, no JavaScript); only the web page has one. */
export interface ChoiceBlock {
	kind: 'choice';
	id: string;
	action: string;
	name: string;
	label: string;
	submit: string;
	options: { value: string; label: string; selected: boolean }[];
}

export type Block =
	| { kind: 'paragraph'; text: string; muted?: boolean; link?: { text: string; href: string } }
	| { kind: 'heading'; level: 3 | 4; text: string }
	| { kind: 'list'; ordered: boolean; items: Inline[]; keepLineBreaks?: boolean }
	| { kind: 'terms'; items: { term: string; text: string }[] }
	| { kind: 'subsection'; section: Section }
	/** Knowledge-base entries recommended for this report, each with a link and the reason it was chosen. */
	| { kind: 'recommendations'; items: { title: string; href: string; summary: string; reason: string }[] }
	| NoticeBlock
	| TableBlock
	| ChartBlock
	| ChoiceBlock;
