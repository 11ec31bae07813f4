// The figures of a published report as one long table (one figure set per row), for Excel and R. Pure.
// It holds exactly what the report shows: suppressed groups and figures under k stay empty, never 0. A figure
// hidden by disclosure control says so in `withheld` ("anonymity"), with `shown_from_version` when the row
// holds an earlier version's figure instead.
import type { Report } from '../../domain/report/schema';
import type { CsvCell, CsvTable } from './csv';
import * as m from '../../paraglide/messages.js';

export const REPORT_COLUMNS = [
	'section',
	'id',
	'aspect',
	'label',
	'variable',
	'category',
	'n',
	'mean',
	'sd',
	'ci95_low',
	'ci95_high',
	'favourable',
	'alpha',
	'share',
	'owner_n',
	'owner_mean',
	'gap',
	'answer_1',
	'answer_2',
	'answer_3',
	'answer_4',
	'answer_5',
	'answer_9',
	'withheld',
	'shown_from_version'
] as const;

type Column = (typeof REPORT_COLUMNS)[number];
type Row = Partial<Record<Column, CsvCell>>;

const DISTRIBUTION_CODES = ['1', '2', '3', '4', '5', '9'] as const;

export function reportTable(report: Report): CsvTable {
	const rows: Row[] = [];
	const withheld = (measure: string, group: string | null = null): Row => {
		const entry = report.withheld.find((w) => w.measure === measure && w.group === group);
		return entry ? { withheld: 'anonymity', shown_from_version: entry.shownFrom } : {};
	};
	for (const aspect of report.aspects) {
		const e = aspect.employee;
		rows.push({
			section: 'aspect',
			id: aspect.id,
			aspect: aspect.id,
			label: aspect.label,
			n: e.n,
			mean: e.mean,
			sd: e.sd,
			ci95_low: e.ci95?.[0] ?? null,
			ci95_high: e.ci95?.[1] ?? null,
			favourable: e.favourable,
			alpha: e.alpha,
			owner_n: aspect.owner.n,
			owner_mean: aspect.owner.mean,
			gap: aspect.gap,
			...withheld(`aspect:${aspect.id}`)
		});
	}
	for (const item of report.items) {
		const e = item.employee;
		const distribution: Row = {};
		for (const code of DISTRIBUTION_CODES) distribution[`answer_${code}`] = e.distribution ? (e.distribution[code] ?? 0) : null;
		rows.push({
			section: 'item',
			id: item.id,
			aspect: item.aspect,
			label: item.text,
			n: e.n,
			mean: e.mean,
			sd: e.sd,
			favourable: e.favourable,
			owner_n: item.owner.n,
			owner_mean: item.owner.mean,
			gap: item.gap,
			...distribution,
			...withheld(`item:${item.id}`)
		});
	}
	// The questions about finished actions: like an item, outside the aspects; the label is the title as asked.
	for (const followup of report.followups) {
		const e = followup.employee;
		const distribution: Row = {};
		for (const code of DISTRIBUTION_CODES) distribution[`answer_${code}`] = e.distribution ? (e.distribution[code] ?? 0) : null;
		rows.push({
			section: 'followup',
			id: followup.id,
			label: followup.title,
			n: e.n,
			mean: e.mean,
			sd: e.sd,
			favourable: e.favourable,
			...distribution,
			...withheld(`followup:${followup.id}`)
		});
	}
	for (const breakdown of report.breakdowns) {
		for (const group of breakdown.groups) {
			const aspects = Object.keys(group.aspects ?? {}).length > 0 ? Object.keys(group.aspects ?? {}) : report.aspects.map((a) => a.id);
			for (const aspectId of aspects) {
				rows.push({
					section: 'breakdown',
					id: aspectId,
					aspect: aspectId,
					label: group.label,
					variable: breakdown.variable,
					category: group.category,
					n: group.n,
					mean: group.aspects?.[aspectId] ?? null,
					...withheld('respondents', `${breakdown.variable}:${group.category}`),
					...withheld(`aspect:${aspectId}`, `${breakdown.variable}:${group.category}`)
				});
			}
		}
	}
	if (report.learning) {
		const { learning } = report;
		for (const [id, figure] of [
			['formal', learning.formal],
			['nonFormal', learning.nonFormal],
			['informal', learning.informal]
		] as const) {
			rows.push({ section: 'learning', id, n: figure.n, share: figure.share, ...withheld(`learning:${id}`) });
		}
		for (const [id, figure] of [
			['need', learning.need],
			['intention', learning.intention]
		] as const) {
			rows.push({ section: 'learning', id, n: figure.n, mean: figure.mean, favourable: figure.favourable, ...withheld(`learning:${id}`) });
		}
		for (const barrier of learning.barriers.ranked) {
			rows.push({ section: 'barrier', id: barrier.id, label: barrier.label, n: barrier.count, share: barrier.share });
		}
	}
	// The survey languages as the report counts them: only those shown, the rest as one row ("other").
	if (report.languages) {
		for (const language of report.languages.shown) rows.push({ section: 'language', id: language.language, label: language.label, n: language.n });
		if (report.languages.other > 0) rows.push({ section: 'language', id: 'other', label: m.report_languages_other({}, { locale: report.locale }), n: report.languages.other });
	}
	rows.push({ section: 'respondents', id: 'employee', n: report.respondents.employee });
	rows.push({ section: 'respondents', id: 'owner', n: report.respondents.owner });
	rows.push({ section: 'respondents', id: 'threshold', n: report.threshold });
	// Who gathered the answers, in words too: an imported round's figures carry no promise of anonymity.
	rows.push({ section: 'origin', id: report.origin, label: report.origin === 'imported' ? m.report_imported_notice({}, { locale: report.locale }) : null });
	if (report.signals) {
		const { burst, identical, sameAnswer, moreThanInvited, moreThanEmployees } = report.signals;
		for (const [id, n] of Object.entries({ burst, identical, sameAnswer, moreThanInvited, moreThanEmployees })) rows.push({ section: 'signal', id, n });
	}
	return { columns: REPORT_COLUMNS, rows: rows.map((row) => REPORT_COLUMNS.map((column) => row[column] ?? null)) };
}
