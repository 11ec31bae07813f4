// The charts of a report, as models (see chart-model.ts). Web page, stand-alone HTML and PDF all
// take their charts from here, so they cannot drift apart.
import { answerCodes, loadInstrument, scaleLabel, type AppLocale } from '../../../domain/instrument';
import type { AspectReport, Breakdown, ItemReport, Report } from '../../../domain/report';
import type { ChartModel } from './chart-model';
import * as m from '../../../paraglide/messages.js';

export const colors = {
	employees: '#1f5f5b',
	owner: '#a35c00',
	// Disagree in red, agree in green-blue, the middle and "weet ik niet" in greys: readable without colour
	// too, since the legend and the table name every part.
	answers: { '1': '#a1261b', '2': '#d9786b', '3': '#9aa5a3', '4': '#4f968e', '5': '#1f5f5b', '9': '#d4d4d4' } as Record<string, string>,
	groups: ['#1f5f5b', '#a35c00', '#2c5aa0', '#7a3b8f', '#4d7c0f', '#9f1239', '#0e7490', '#57534e']
};

/** Employees beside the owner, per aspect; the owner's series only when the owner answered. */
export function aspectChart(report: Report, locale: AppLocale): ChartModel {
	const o = { locale };
	const series = [];
	if (report.employeeFigures) {
		series.push({ name: m.report_series_employees({}, o), values: report.aspects.map((a) => a.employee.mean), color: colors.employees });
	}
	if (report.respondents.owner > 0) {
		series.push({ name: m.report_series_owner({}, o), values: report.aspects.map((a) => a.owner.mean), color: colors.owner });
	}
	return {
		id: 'chart-aspects',
		title: report.employeeFigures ? m.report_chart_aspects_title({}, o) : m.report_chart_owner_title({}, o),
		categoryHeading: m.report_col_aspect({}, o),
		categories: report.aspects.map((a) => a.label),
		series,
		scale: { kind: 'score', min: 1, max: 5 },
		stacked: false
	};
}

/** How the employees answered each statement of one aspect, as shares of the answers given. */
export function distributionChart(report: Report, aspect: AspectReport, locale: AppLocale): ChartModel {
	const instrument = loadInstrument(report.instrumentVersion);
	const items = report.items.filter((i) => i.aspect === aspect.id);
	return {
		id: `chart-answers-${aspect.id}`,
		title: m.report_chart_answers_title({ aspect: aspect.label }, { locale }),
		categoryHeading: m.report_col_statement({}, { locale }),
		categories: items.map((i) => i.text),
		series: answerCodes(instrument).map((code) => ({
			name: scaleLabel(instrument, code, locale) ?? String(code),
			values: items.map((item) => answerShare(item, code)),
			color: colors.answers[String(code)] ?? '#777777'
		})),
		scale: { kind: 'share' },
		stacked: true
	};
}

function answerShare(item: ItemReport, code: number): number | null {
	const distribution = item.employee.distribution;
	if (!distribution) return null;
	const total = Object.values(distribution).reduce((sum, n) => sum + n, 0);
	return total > 0 ? (distribution[String(code)] ?? 0) / total : null;
}

/** Aspect means per shown group. Hidden groups are not drawn; the table beside it lists them as hidden. */
export function breakdownChart(report: Report, breakdown: Breakdown, locale: AppLocale): ChartModel {
	const shown = breakdown.groups.filter((g) => !g.suppressed);
	return {
		id: `chart-breakdown-${breakdown.variable}`,
		title: m.report_chart_breakdown_title({ variable: breakdown.label }, { locale }),
		categoryHeading: m.report_col_aspect({}, { locale }),
		categories: report.aspects.map((a) => a.label),
		series: shown.map((group, index) => ({
			name: group.label,
			values: report.aspects.map((a) => group.aspects?.[a.id] ?? null),
			color: colors.groups[index % colors.groups.length] ?? colors.employees
		})),
		scale: { kind: 'score', min: 1, max: 5 },
		stacked: false
	};
}

export function learningChart(learning: NonNullable<Report['learning']>, locale: AppLocale): ChartModel {
	const o = { locale };
	return {
		id: 'chart-learning',
		title: m.report_chart_learning_title({}, o),
		categoryHeading: m.report_col_kind_of_learning({}, o),
		categories: [m.report_learning_formal({}, o), m.report_learning_nonformal({}, o), m.report_learning_informal({}, o)],
		series: [
			{
				name: m.report_series_share_yes({}, o),
				values: [learning.formal.share, learning.nonFormal.share, learning.informal.share],
				color: colors.employees
			}
		],
		scale: { kind: 'share' },
		stacked: false
	};
}

export function barrierChart(learning: NonNullable<Report['learning']>, locale: AppLocale): ChartModel {
	const o = { locale };
	return {
		id: 'chart-barriers',
		title: m.report_chart_barriers_title({}, o),
		categoryHeading: m.report_col_barrier({}, o),
		categories: learning.barriers.ranked.map((b) => b.label),
		series: [{ name: m.report_series_share_ticked({}, o), values: learning.barriers.ranked.map((b) => b.share), color: colors.employees }],
		scale: { kind: 'share' },
		stacked: false
	};
}
