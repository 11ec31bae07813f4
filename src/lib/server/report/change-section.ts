// The report's section on change since an earlier round: a sentence per aspect in plain words (no verdict of
// "significant"), a table with every figure, what each number means, a chart of every round with figures,
// and the actions finished in between, without claiming they caused anything.
import type { AppLocale } from '../../domain/instrument';
import type { Report, RoundChange } from '../../domain/report';
import type { ChartModel } from './charts/chart-model';
import type { Block, Section } from './document';
import { formatCount, formatDay, formatGap, formatScore, NO_FIGURE } from './format';
import { colors } from './charts/report-charts';
import type { Comparison } from './publish/round-change';
import type { RoundReport } from './publish/round-report';
import * as m from '../../paraglide/messages.js';

type O = { locale: AppLocale };

export interface ChangeSectionOptions {
	/** The report page's address: it gets a form (GET, no JavaScript) to pick the round compared with. */
	compareForm?: { action: string };
}


/** Null when there is nothing to compare: no earlier round with employee figures, or none in this round. */
export function changeSection(view: RoundReport, o: O, options: ChangeSectionOptions = {}): Section | null {
	const report = view.report;
	const change = report.change;
	const comparison = view.comparison;
	if (!change || !comparison.against || !report.employeeFigures) return null;
	const { locale } = o;
	const k = report.threshold;
	const label = (id: string) => report.aspects.find((a) => a.id === id)?.label ?? id;
	const blocks: Block[] = [];
	if (comparison.refused && options.compareForm) {
		blocks.push({ kind: 'notice', id: 'lk-change-refused', tone: 'warn', text: m.change_refused({ round: change.against.round }, o) });
	}
	if (options.compareForm && comparison.choices.length > 1) {
		blocks.push({
			kind: 'choice',
			id: 'lk-change-choice',
			action: options.compareForm.action,
			name: 'compare',
			label: m.change_choose_label({}, o),
			submit: m.change_choose_submit({}, o),
			options: comparison.choices.map((r) => ({
				value: r.id,
				label: m.change_choose_option({ round: r.name, date: formatDay(r.opensOn, locale) }, o),
				selected: r.id === comparison.against?.id
			}))
		});
	}
	blocks.push(p(m.change_intro({ round: change.against.round, count: formatCount(change.against.employees, locale) }, o)));
	blocks.push({ kind: 'list', ordered: false, items: change.aspects.map((a) => aspectLine(a, label(a.id), k, o)) });
	blocks.push(changeTable(change, view.round.name, label, o));
	blocks.push(h3(m.change_explain_title({}, o)), {
		kind: 'terms',
		items: [
			{ term: m.change_term_difference({}, o), text: m.change_explain_difference({}, o) },
			{ term: m.change_term_interval({}, o), text: m.change_explain_interval({}, o) },
			{ term: m.change_term_d({}, o), text: m.change_explain_d({}, o) },
			{ term: m.change_term_how({}, o), text: m.change_explain_how({ k }, o) }
		]
	});
	blocks.push({ kind: 'chart', model: historyChart(report, comparison, o), printTable: true }, p(m.change_chart_explain({}, o), true));
	if (comparison.actions.length > 0) {
		blocks.push(
			h3(m.change_actions_title({}, o)),
			p(
				m.change_actions_intro(
					{
						before: comparison.against.name,
						from: formatDay(comparison.against.opensOn, locale),
						after: view.round.name,
						to: formatDay(view.round.closesOn, locale)
					},
					o
				)
			),
			{ kind: 'list', ordered: false, items: comparison.actions.map((a) => m.change_action_item({ title: a.title, date: formatDay(a.doneOn, locale) }, o)) }
		);
	}
	return { id: 'lk-change', title: m.change_title({ round: change.against.round }, o), blocks };
}

const p = (text: string, muted = false): Block => ({ kind: 'paragraph', text, muted });
const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });

function aspectLine(a: RoundChange['aspects'][number], aspect: string, k: number, o: O): string {
	const { locale } = o;
	if (!a.before || !a.after || a.difference === null) return m.change_line_not_shown({ aspect, k }, o);
	const figures = { aspect, before: formatScore(a.before.mean, locale), after: formatScore(a.after.mean, locale), difference: formatGap(a.difference, locale) };
	if (!a.ci95) return m.change_line_no_interval(figures, o);
	const interval = { low: formatGap(a.ci95[0], locale), high: formatGap(a.ci95[1], locale) };
	return a.ci95[0] <= 0 && a.ci95[1] >= 0 ? m.change_line_chance({ ...figures, ...interval }, o) : m.change_line({ ...figures, ...interval }, o);
}

function changeTable(change: RoundChange, after: string, label: (id: string) => string, o: O): Block {
	const { locale } = o;
	return {
		kind: 'table',
		caption: m.change_table_caption({ round: change.against.round }, o),
		head: [m.change_col_aspect({}, o), change.against.round, after, m.change_col_difference({}, o), m.change_col_interval({}, o), m.change_col_d({}, o)],
		numericFrom: 1,
		rows: change.aspects.map((a) => ({
			header: label(a.id),
			cells: [
				formatScore(a.before?.mean ?? null, locale),
				formatScore(a.after?.mean ?? null, locale),
				formatGap(a.difference, locale),
				a.ci95 ? m.change_interval_cell({ low: formatGap(a.ci95[0], locale), high: formatGap(a.ci95[1], locale) }, o) : NO_FIGURE,
				a.d === null ? NO_FIGURE : formatGap(a.d, locale)
			]
		}))
	};
}

/** Each aspect's employee mean in every round with published figures, as that round's report shows it. */
export function historyChart(report: Report, comparison: Comparison, o: O): ChartModel {
	const rounds = comparison.history;
	return {
		id: 'chart-change-history',
		title: m.change_chart_title({}, o),
		categoryHeading: m.change_col_aspect({}, o),
		categories: report.aspects.map((a) => a.label),
		series: rounds.map((r, i) => ({
			name: r.round.name,
			values: report.aspects.map((a) => r.means[a.id] ?? null),
			// The newest round in the employees' colour, as everywhere in the report; earlier ones in the group colours.
			color: colors.groups[(rounds.length - 1 - i) % colors.groups.length] ?? colors.employees
		})),
		scale: { kind: 'score', min: 1, max: 5 },
		stacked: false
	};
}
