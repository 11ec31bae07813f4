// The report's "Vergeleken met" section: per network the firm is in, its own aspect means beside the mean of
// the network's firm means, its position among them in words, a chart with its table, and the same sector or
// size band where that group has k firms besides this firm. Only figures of the latest stored snapshot.
import type { AppLocale } from '../../domain/instrument';
import type { NetworkComparison, Position } from '../../domain/network/compared';
import { sectorLabel } from '../../firm-labels';
import * as m from '../../paraglide/messages.js';
import type { RoundReport } from './publish/round-report';
import { colors } from './charts/report-charts';
import type { Block, Section } from './document';
import { formatCount, formatDay, formatScore, NO_FIGURE } from './format';

type O = { locale: AppLocale };

function positionText(position: Position | null, o: O): string {
	switch (position) {
		case 'below':
			return m.network_position_below({}, o);
		case 'lower-middle':
			return m.network_position_lower_middle({}, o);
		case 'upper-middle':
			return m.network_position_upper_middle({}, o);
		case 'above':
			return m.network_position_above({}, o);
		default:
			return NO_FIGURE;
	}
}

function groupLabel(variable: 'sector' | 'size', category: string, o: O): string {
	if (variable === 'sector') return m.network_report_same_sector({ sector: sectorLabel(category, o.locale) }, o);
	const band = category === '250+' ? m.network_size_band_250({}, o) : m.network_size_band({ band: category }, o);
	return m.network_report_same_size({ size: band }, o);
}

function networkBlocks(view: RoundReport, n: NetworkComparison, index: number, o: O): Block[] {
	const { locale } = o;
	const label = (id: string) => view.report.aspects.find((a) => a.id === id)?.label ?? id;
	const shown = n.aspects.filter((a) => a.mean !== null);
	const blocks: Block[] = [
		{ kind: 'heading', level: 3, text: m.network_report_heading({ firms: formatCount(n.firms, locale), network: n.network }, o) },
		{ kind: 'paragraph', text: m.network_report_published({ date: formatDay(n.publishedOn, locale), k: view.report.threshold }, o), muted: true },
		{
			kind: 'list',
			ordered: false,
			items: shown.map((a) => ({ strong: `${label(a.id)}:`, text: ` ${a.position ? positionText(a.position, o) : m.network_position_none({ mean: formatScore(a.mean, locale) }, o)}` }))
		},
		{
			kind: 'chart',
			model: {
				id: `chart-network-${index + 1}`,
				title: m.network_report_chart({ network: n.network }, o),
				categoryHeading: m.network_col_aspect({}, o),
				categories: shown.map((a) => label(a.id)),
				series: [
					{ name: m.network_report_series_firm({}, o), values: shown.map((a) => a.firm), color: colors.employees },
					{ name: m.network_series_mean({}, o), values: shown.map((a) => a.mean), color: colors.owner }
				],
				scale: { kind: 'score', min: 1, max: 5 },
				stacked: false
			},
			table: {
				kind: 'table',
				caption: m.network_report_chart({ network: n.network }, o),
				head: [m.network_col_aspect({}, o), m.network_report_series_firm({}, o), m.network_col_mean({}, o), m.network_col_p25({}, o), m.network_col_p50({}, o), m.network_col_p75({}, o), m.network_report_col_position({}, o)],
				numericFrom: 1,
				rows: shown.map((a) => ({
					header: label(a.id),
					cells: [formatScore(a.firm, locale), formatScore(a.mean, locale), formatScore(a.p25, locale), formatScore(a.p50, locale), formatScore(a.p75, locale), positionText(a.position, o)]
				}))
			},
			printTable: true
		}
	];
	if (n.groups.length > 0) {
		const ids = shown.map((a) => a.id);
		blocks.push({
			kind: 'table',
			caption: m.network_report_groups({}, o),
			head: [m.network_col_group({}, o), m.network_col_firms({}, o), ...ids.map(label)],
			numericFrom: 1,
			rows: n.groups.map((g) => ({
				header: groupLabel(g.variable, g.category, o),
				cells: [formatCount(g.firms, locale), ...ids.map((id) => formatScore(g.aspects[id] ?? null, locale))]
			}))
		});
	}
	return blocks;
}

export function networkSection(view: RoundReport, o: O): Section | null {
	if (!view.report.employeeFigures || view.networks.length === 0) return null;
	return {
		id: 'lk-networks',
		title: m.network_report_section({}, o),
		blocks: [
			{ kind: 'paragraph', text: m.network_report_intro({ k: view.report.threshold }, o) },
			...view.networks.flatMap((n, i) => networkBlocks(view, n, i, o))
		]
	};
}

