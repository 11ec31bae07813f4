// The annual report (jaarverslag) of a network as the report's document model, so the web page, the
// stand-alone HTML and the PDF are the report's own renderers and look like the report. It shows only what
// is published: the benchmark snapshot, each pilot's evaluation and the year's final talks; where there is
// no figure it says so in words, and a closing section explains every kind of number it shows.
import { talkFigures, pilotFindings } from '../../domain/annual/figures';
import { TALK_PARTS, type TalkPart } from '../../domain/annual/talk';
import type { AppLocale } from '../../domain/instrument';
import type { NetworkReport, PilotEvaluation } from '../../domain/network/published';
import type { ChartModel } from '../report/charts/chart-model';
import { colors } from '../report/charts/report-charts';
import type { Block, NoticeBlock, ReportDocument, Section, TableBlock, TableRow } from '../report/document';
import { formatCount, formatDay, formatScore } from '../report/format';
import { aspectName, pilotSentences, talkFiguresText } from './figures-text';
import type { TalkRecord } from './list-talks';
import { markdownBlocks } from './markdown-blocks';
import * as m from '../../paraglide/messages.js';

export interface AnnualReportInput {
	network: { name: string; slug: string };
	year: number;
	introduction: string;
	conclusions: string;
	/** The year's final talks, each with the evaluation of its pilot when it is about one. */
	talks: { talk: TalkRecord; evaluation: PilotEvaluation | null }[];
	/** Talks of the year still in draft: not in the report, only counted. */
	drafts: number;
	benchmark: NetworkReport | null;
	pilots: { slug: string; name: string; evaluation: PilotEvaluation | null }[];
	/** The instance's k, for the explanation when there is no benchmark to take it from. */
	threshold: number;
	today: string;
}

type Messages = { locale: AppLocale };

export function annualDocument(input: AnnualReportInput, locale: AppLocale): ReportDocument {
	const o: Messages = { locale };
	const notices: NoticeBlock[] = [];
	if (input.drafts > 0) notices.push({ kind: 'notice', tone: 'info', text: m.annual_doc_drafts_left_out({ count: String(input.drafts) }, o) });
	return {
		lang: locale,
		eyebrow: m.annual_doc_eyebrow({}, o),
		title: m.annual_doc_title({ network: input.network.name, year: String(input.year) }, o),
		status: [m.annual_doc_made_on({ date: formatDay(input.today, locale) }, o)],
		notices,
		sections: [
			ownText('introduction', m.annual_doc_introduction({}, o), input.introduction, m.annual_doc_introduction_empty({}, o)),
			benchmarkSection(input.benchmark, input.threshold, o),
			pilotSection(input.pilots, o),
			talkSection(input, o),
			ownText('conclusions', m.annual_doc_conclusions({}, o), input.conclusions, m.annual_doc_conclusions_empty({}, o)),
			methodSection(input.benchmark?.threshold ?? input.threshold, o)
		]
	};
}

function ownText(id: string, title: string, markdown: string, empty: string): Section {
	const blocks = markdownBlocks(markdown);
	return { id, title, blocks: blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: empty, muted: true }] };
}

function benchmarkSection(benchmark: NetworkReport | null, threshold: number, o: Messages): Section {
	const title = m.annual_doc_benchmark({}, o);
	if (!benchmark) return { id: 'benchmark', title, blocks: [{ kind: 'paragraph', text: m.annual_doc_benchmark_none({ threshold: String(threshold) }, o) }] };
	const locale = o.locale;
	const k = benchmark.threshold;
	const quartiles = hasQuartiles(benchmark);
	const blocks: Block[] = [
		{ kind: 'paragraph', text: m.annual_doc_benchmark_intro({ firms: formatCount(benchmark.firms, locale) }, o) },
		{ kind: 'paragraph', text: quartiles ? m.annual_doc_benchmark_quartiles({}, o) : m.annual_doc_benchmark_no_quartiles({ twoK: String(2 * k) }, o) }
	];
	const model: ChartModel = {
		id: 'chart-network-aspects',
		title: m.annual_doc_benchmark_chart({}, o),
		categoryHeading: m.annual_doc_col_aspect({}, o),
		categories: benchmark.aspects.map((a) => aspectName(a.id, locale)),
		series: [{ name: m.annual_doc_series_mean({}, o), values: benchmark.aspects.map((a) => a.mean), color: colors.employees }],
		scale: { kind: 'score', min: 1, max: 5 },
		stacked: false
	};
	const table: TableBlock = {
		kind: 'table',
		caption: m.annual_doc_benchmark_chart({}, o),
		head: [m.annual_doc_col_aspect({}, o), m.annual_doc_col_firms({}, o), m.annual_doc_col_mean({}, o), 'P25', 'P50', 'P75'],
		numericFrom: 1,
		rows: benchmark.aspects.map((a) => ({
			header: aspectName(a.id, locale),
			cells: [formatCount(a.firms, locale), formatScore(a.mean, locale), formatScore(a.p25, locale), formatScore(a.p50, locale), formatScore(a.p75, locale)]
		}))
	};
	blocks.push({ kind: 'chart', model, table, printTable: true });
	if (benchmark.groupings.length > 0) blocks.push({ kind: 'paragraph', text: m.annual_doc_groups_intro({ k: String(k) }, o) });
	for (const grouping of benchmark.groupings) blocks.push({ kind: 'subsection', section: groupingSection(benchmark, grouping, o) });
	return { id: 'benchmark', title, blocks };
}

function hasQuartiles(benchmark: NetworkReport): boolean {
	return benchmark.aspects.some((a) => a.p50 !== null);
}

const groupingTitles: Record<NetworkReport['groupings'][number]['variable'], (o: Messages) => string> = {
	sector: (o) => m.annual_doc_by_sector({}, o),
	size: (o) => m.annual_doc_by_size({}, o),
	province: (o) => m.annual_doc_by_province({}, o)
};

function groupingSection(benchmark: NetworkReport, grouping: NetworkReport['groupings'][number], o: Messages): Section {
	const locale = o.locale;
	const aspects = benchmark.aspects.map((a) => a.id);
	const title = groupingTitles[grouping.variable](o);
	const shown = grouping.groups.filter((g) => !g.suppressed);
	const model: ChartModel = {
		id: `chart-network-${grouping.variable}`,
		title: m.annual_doc_groups_chart({ title }, o),
		categoryHeading: m.annual_doc_col_aspect({}, o),
		categories: aspects.map((id) => aspectName(id, locale)),
		series: shown.map((g, i) => ({
			name: g.label,
			values: aspects.map((id) => g.aspects?.[id] ?? null),
			color: colors.groups[i % colors.groups.length] ?? colors.employees
		})),
		scale: { kind: 'score', min: 1, max: 5 },
		stacked: false
	};
	const rows: TableRow[] = grouping.groups.map((g) =>
		g.suppressed
			? { header: g.label, hidden: m.annual_doc_group_hidden({}, o) }
			: { header: g.label, cells: [formatCount(g.firms, locale), ...aspects.map((id) => formatScore(g.aspects?.[id] ?? null, locale))] }
	);
	const table: TableBlock = {
		kind: 'table',
		caption: m.annual_doc_groups_table({ title }, o),
		head: [m.annual_doc_col_group({}, o), m.annual_doc_col_firms({}, o), ...aspects.map((id) => aspectName(id, locale))],
		numericFrom: 1,
		rows
	};
	const blocks: Block[] = [];
	if (shown.length > 0) blocks.push({ kind: 'chart', model, printTable: false });
	else blocks.push({ kind: 'paragraph', text: m.annual_doc_groups_all_hidden({}, o), muted: true });
	blocks.push(table);
	return { id: `benchmark-${grouping.variable}`, title, blocks };
}

function pilotSection(pilots: AnnualReportInput['pilots'], o: Messages): Section {
	const title = m.annual_doc_pilots({}, o);
	if (pilots.length === 0) return { id: 'pilots', title, blocks: [{ kind: 'paragraph', text: m.annual_doc_pilots_none({}, o) }] };
	return {
		id: 'pilots',
		title,
		blocks: [
			{ kind: 'paragraph', text: m.annual_doc_pilots_intro({}, o) },
			...pilots.map((p): Block => {
				const words = pilotSentences(pilotFindings(p.evaluation), o.locale);
				const blocks: Block[] = [{ kind: 'paragraph', text: words.summary }];
				if (words.aspects.length > 0) blocks.push({ kind: 'list', ordered: false, items: words.aspects });
				return { kind: 'subsection', section: { id: `pilot-${p.slug}`, title: p.name, blocks } };
			})
		]
	};
}

const partTitles: Record<TalkPart, (o: Messages) => string> = {
	goals: (o) => m.annual_talk_goals({}, o),
	done: (o) => m.annual_talk_done({}, o),
	results: (o) => m.annual_talk_results({}, o),
	lessons: (o) => m.annual_talk_lessons({}, o),
	nextYear: (o) => m.annual_talk_next_year({}, o),
	helpNeeded: (o) => m.annual_talk_help_needed({}, o)
};

/** One talk as blocks: who and when, the six parts (an empty one says so), and the platform's figures in words. */
export function talkBlocks(talk: TalkRecord, evaluation: PilotEvaluation | null, benchmark: NetworkReport | null, o: Messages): Block[] {
	const about: { term: string; text: string }[] = [];
	if (talk.pilotSlug) about.push({ term: m.annual_talk_pilot({}, o), text: talk.pilotSlug });
	about.push({ term: m.annual_talk_held_on({}, o), text: talk.heldOn ? formatDay(talk.heldOn, o.locale) : m.annual_talk_not_filled({}, o) });
	about.push({ term: m.annual_talk_participants({}, o), text: talk.participants || m.annual_talk_not_filled({}, o) });
	const parts = TALK_PARTS.map((part) => ({ term: partTitles[part](o), text: talk[part] || m.annual_talk_not_filled({}, o) }));
	const figures = talkFiguresText(talkFigures({ evaluation, benchmark }), { isPilot: talk.pilotSlug !== null, locale: o.locale });
	return [
		{ kind: 'terms', items: [...about, ...parts] },
		{ kind: 'heading', level: 4, text: m.annual_talk_figures({}, o) },
		{ kind: 'list', ordered: false, items: figures }
	];
}

function talkSection(input: AnnualReportInput, o: Messages): Section {
	const title = m.annual_doc_talks({}, o);
	if (input.talks.length === 0) return { id: 'talks', title, blocks: [{ kind: 'paragraph', text: m.annual_doc_talks_none({ year: String(input.year) }, o) }] };
	return {
		id: 'talks',
		title,
		blocks: [
			{ kind: 'paragraph', text: m.annual_doc_talks_intro({ year: String(input.year), count: String(input.talks.length) }, o) },
			...input.talks.map(({ talk, evaluation }): Block => ({
				kind: 'subsection',
				section: { id: `talk-${talk.id}`, title: talk.project, blocks: talkBlocks(talk, evaluation, input.benchmark, o) }
			}))
		]
	};
}

function methodSection(k: number, o: Messages): Section {
	return {
		id: 'method',
		title: m.annual_doc_method({}, o),
		blocks: [
			{
				kind: 'terms',
				items: [
					{ term: m.annual_method_mean_term({}, o), text: m.annual_method_mean({}, o) },
					{ term: m.annual_method_quartiles_term({}, o), text: m.annual_method_quartiles({ twoK: String(2 * k) }, o) },
					{ term: m.annual_method_firms_term({}, o), text: m.annual_method_firms({}, o) },
					{ term: m.annual_method_hidden_term({}, o), text: m.annual_method_hidden({ k: String(k) }, o) },
					{ term: m.annual_method_change_term({}, o), text: m.annual_method_change({}, o) },
					{ term: m.annual_method_did_term({}, o), text: m.annual_method_did({ k: String(k) }, o) },
					{ term: m.annual_method_interval_term({}, o), text: m.annual_method_interval({}, o) },
					{ term: m.annual_method_effect_term({}, o), text: m.annual_method_effect({}, o) }
				]
			}
		]
	};
}
