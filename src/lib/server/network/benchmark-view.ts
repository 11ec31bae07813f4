// The benchmark as every format shows it (page, stand-alone HTML, PDF): texts, formatted figures and the
// chart model, made once from a stored snapshot, so the formats cannot drift apart.
import { loadInstrument, type AppLocale } from '../../domain/instrument';
import { ASPECT_IDS } from '../../domain/knowledge/entry';
import type { NetworkReport } from '../../domain/network/published';
import * as m from '../../paraglide/messages.js';
import type { ChartModel } from '../report/charts/chart-model';
import { colors } from '../report/charts/report-charts';
import { formatCount, formatDay, formatScore, NO_FIGURE } from '../report/format';
import { labelledReport, type NetworkSnapshot } from './snapshot';

export interface BenchmarkView {
	lang: AppLocale;
	title: string;
	lines: string[];
	aspectsTitle: string;
	explain: string;
	head: string[];
	rows: string[][];
	chart: ChartModel;
	groupingsTitle: string;
	groupingsExplain: string;
	groupings: { title: string; head: string[]; rows: { cells: string[]; hidden: boolean }[] }[];
}

export function aspectLabel(id: string, locale: AppLocale): string {
	const aspect = loadInstrument().aspects.find((a) => a.id === id);
	return aspect ? aspect.label[locale] : id;
}

function variableTitle(variable: NetworkReport['groupings'][number]['variable'], o: { locale: AppLocale }): string {
	if (variable === 'sector') return m.network_variable_sector({}, o);
	if (variable === 'size') return m.network_variable_size({}, o);
	return m.network_variable_province({}, o);
}

export function benchmarkView(networkName: string, snapshot: NetworkSnapshot | null, locale: AppLocale, members: number, k: number): BenchmarkView {
	const o = { locale };
	const title = m.network_benchmark_title({ name: networkName }, o);
	const head = [m.network_col_aspect({}, o), m.network_col_firms({}, o), m.network_col_mean({}, o), m.network_col_p25({}, o), m.network_col_p50({}, o), m.network_col_p75({}, o)];
	const empty: BenchmarkView = {
		lang: locale,
		title,
		lines: [m.network_benchmark_none({ k, members: formatCount(members, locale) }, o)],
		aspectsTitle: m.network_benchmark_aspects({}, o),
		explain: m.network_benchmark_explain({ k2: 2 * k }, o),
		head,
		rows: [],
		chart: { id: 'chart-network', title: m.network_chart_title({}, o), categoryHeading: head[0]!, categories: [], series: [], scale: { kind: 'score', min: 1, max: 5 }, stacked: false },
		groupingsTitle: m.network_groupings({}, o),
		groupingsExplain: m.network_groupings_explain({ k }, o),
		groupings: []
	};
	if (!snapshot) return empty;
	const report = labelledReport(snapshot.report, locale);
	const score = (v: number | null) => formatScore(v, locale);
	const lines = [
		m.network_benchmark_intro({ k: report.threshold }, o),
		m.network_benchmark_published({ date: formatDay(snapshot.publishedAt.toISOString().slice(0, 10), locale), k: report.threshold }, o),
		m.network_benchmark_firms({ firms: formatCount(report.firms, locale) }, o)
	];
	if (snapshot.importedFirms > 0) lines.push(m.network_benchmark_imported({ count: formatCount(snapshot.importedFirms, locale) }, o));
	if (snapshot.signalFirms > 0) lines.push(m.network_benchmark_signals({ count: formatCount(snapshot.signalFirms, locale) }, o));
	const aspectIds = ASPECT_IDS.filter((id) => report.aspects.some((a) => a.id === id));
	const labels = aspectIds.map((id) => aspectLabel(id, locale));
	return {
		...empty,
		lines,
		explain: m.network_benchmark_explain({ k2: 2 * report.threshold }, o),
		rows: report.aspects.map((a) => [aspectLabel(a.id, locale), formatCount(a.firms, locale), score(a.mean), score(a.p25), score(a.p50), score(a.p75)]),
		chart: {
			...empty.chart,
			categories: labels,
			series: [{ name: m.network_series_mean({}, o), values: aspectIds.map((id) => report.aspects.find((a) => a.id === id)?.mean ?? null), color: colors.employees }]
		},
		groupingsExplain: m.network_groupings_explain({ k: report.threshold }, o),
		groupings: report.groupings.map((g) => ({
			title: variableTitle(g.variable, o),
			head: [m.network_col_group({}, o), m.network_col_firms({}, o), ...labels],
			rows: g.groups.map((group) =>
				group.suppressed
					? { cells: [group.label, m.network_group_hidden({ k: report.threshold }, o), ...aspectIds.map(() => NO_FIGURE)], hidden: true }
					: {
							cells: [group.label, formatCount(group.firms, locale), ...aspectIds.map((id) => score(group.aspects?.[id] ?? null))],
							hidden: false
						}
			)
		}))
	};
}
