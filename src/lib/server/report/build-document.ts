// From a round's report to the document every format renders (see document.ts). Here the figures get
// their sentences: every number the owner sees comes with words that say what it means.
import type { AppLocale } from '../../domain/instrument';
import type { AspectReport, Breakdown, Report, ReportSignals } from '../../domain/report';
import { anySignal } from '../../domain/signals';
import type { ChartModel } from './charts/chart-model';
import type { Block, ChartBlock, NoticeBlock, ReportDocument, Section, TableBlock } from './document';
import { formatAlpha, formatAnswer, formatCount, formatDay, formatGap, formatScore, formatShare, NO_FIGURE } from './format';
import { aspectChart, barrierChart, breakdownChart, distributionChart, learningChart } from './charts/report-charts';
import type { RoundReport } from './publish/round-report';
import { changeSection, type ChangeSectionOptions } from './change-section';
import { networkSection } from './network-section';
import { followupSection } from './followup-section';
import * as m from '../../paraglide/messages.js';

type O = { locale: AppLocale; origin: string };

/** A gap this small is rounding noise, not a difference worth a sentence. */
const SAME = 0.05;

export interface DocumentOptions extends ChangeSectionOptions {
	/** The app's public address, for links that must work outside the app (PDF, stand-alone HTML). */
	origin?: string;
}

export function buildDocument(view: RoundReport, locale: AppLocale, options: DocumentOptions = {}): ReportDocument {
	const o = { locale, origin: options.origin ?? '' };
	const report = view.report;
	const change = changeSection(view, o, options);
	const compared = networkSection(view, o);
	return {
		lang: locale,
		eyebrow: m.report_eyebrow({}, o),
		title: m.report_title({ firm: view.firmName, round: view.round.name }, o),
		status: status(view, o),
		notices: notices(view, o),
		sections: report.employeeFigures
			? [summary(report, o), ...(change ? [change] : []), ...(compared ? [compared] : []), aspects(report, o), contrasts(report, o), ...learning(report, o), ...followups(report, o), openAnswers(report, o), ...guide(report, o), advice(view, o), method(report, o)]
			: [tooFew(view, o), advice(view, o), method(report, o)]
	};
}

function status(view: RoundReport, o: O): string[] {
	const lines = [
		view.version
			? m.report_version_line({ version: view.version.number, date: formatDay(view.version.publishedOn, o.locale) }, o)
			: m.report_no_version_yet({}, o)
	];
	if (view.round.closed) lines.push(view.version ? m.report_round_closed({}, o) : m.report_round_closed_no_version({}, o));
	if (view.report.supervisedBy) lines.push(m.report_supervised_by({ name: view.report.supervisedBy.name }, o));
	return lines;
}

function notices(view: RoundReport, o: O): NoticeBlock[] {
	const k = view.report.threshold;
	const list: NoticeBlock[] = [];
	if (view.report.origin === 'imported') list.push({ kind: 'notice', id: 'lk-imported', tone: 'warn', text: m.report_imported_notice({}, o) });
	const signals = view.report.signals;
	if (signals && anySignal(signals)) list.push({ kind: 'notice', id: 'lk-signals', tone: 'warn', strong: m.report_signals_title({}, o), text: signalLines(signals, o).join(' ') });
	// No count of answers still needed: it would move with every single response (see docs/report.md).
	if (!view.round.closed && view.version !== null) list.push({ kind: 'notice', id: 'lk-next-version', tone: 'info', text: m.report_next_version_why({ k }, o) });
	if (view.tooLate > 0) list.push({ kind: 'notice', id: 'lk-too-late', tone: 'warn', text: m.report_too_late({ count: view.tooLate, k }, o) });
	if (view.report.withheld.length > 0) list.push({ kind: 'notice', id: 'lk-withheld', tone: 'info', text: m.report_withheld_note({ k }, o) });
	return list;
}

/** The warning signals of a published version in plain sentences, one per signal that was raised. */
export function signalLines(signals: ReportSignals, o: Pick<O, 'locale'>): string[] {
	const lines: string[] = [];
	if (signals.burst > 0) lines.push(m.report_signals_burst({ count: signals.burst }, o));
	if (signals.identical > 0) lines.push(m.report_signals_identical({ count: signals.identical }, o));
	if (signals.sameAnswer > 0) lines.push(m.report_signals_same_answer({ count: signals.sameAnswer }, o));
	if ((signals.moreThanInvited ?? 0) > 0) lines.push(m.report_signals_more_than_invited({ count: signals.moreThanInvited ?? 0 }, o));
	if (signals.moreThanEmployees > 0) lines.push(m.report_signals_more_than_employees({ count: signals.moreThanEmployees }, o));
	if (lines.length > 0) lines.push(m.report_signals_explain({}, o));
	return lines;
}

function chart(model: ChartModel, options: { table?: TableBlock; printTable?: boolean } = {}): ChartBlock {
	return { kind: 'chart', model, table: options.table, printTable: options.printTable ?? false };
}

const p = (text: string, muted = false): Block => ({ kind: 'paragraph', text, muted });
const h3 = (text: string): Block => ({ kind: 'heading', level: 3, text });
const h4 = (text: string): Block => ({ kind: 'heading', level: 4, text });

function tooFew(view: RoundReport, o: O): Section {
	const report = view.report;
	const k = report.threshold;
	const blocks: Block[] = [p(m.report_too_few_text({ k }, o))];
	if (view.round.closed) blocks.push(p(m.report_too_few_closed({ k }, o)));
	blocks.push(h3(m.report_instead_title({}, o)), {
		kind: 'list',
		ordered: false,
		items: [m.report_instead_selfscan({}, o), m.report_instead_conversation({}, o)]
	});
	blocks.push(h3(m.report_owner_view_title({}, o)));
	if (report.respondents.owner > 0) blocks.push(p(m.report_owner_view_text({}, o)), chart(aspectChart(report, o.locale), { printTable: true }));
	else blocks.push(p(m.report_owner_not_answered({}, o)));
	return { id: 'lk-too-few', title: m.report_too_few_title({}, o), blocks };
}

function summary(report: Report, o: O): Section {
	const { locale } = o;
	const rate = report.responseRate;
	const count = formatCount(report.respondents.employee, locale);
	const byId = new Map(report.aspects.map((a) => [a.id, a]));
	const ranked = (ids: string[]): Block =>
		ids.length === 0
			? p(m.report_no_ranking({}, o))
			: {
					kind: 'list',
					ordered: true,
					items: ids.map((id) => ({
						strong: byId.get(id)?.label ?? id,
						text: `: ${m.report_score_short({ score: formatScore(byId.get(id)?.employee.mean ?? null, locale) }, o)}`
					}))
				};
	const blocks: Block[] = [
		p(
			rate.invited !== null && rate.rate !== null
				? m.report_responses({ count, invited: formatCount(rate.invited, locale), rate: formatShare(Math.min(1, rate.rate), locale) }, o)
				: m.report_responses_no_invited({ count }, o)
		)
	];
	if (rate.low) blocks.push({ kind: 'notice', id: 'lk-low-rate', tone: 'warn', text: m.report_low_rate({}, o) });
	blocks.push(chart(aspectChart(report, locale), { printTable: true }), p(m.report_chart_aspects_explain({}, o)));
	if (report.respondents.owner === 0) blocks.push(p(m.report_owner_not_answered({}, o)));
	blocks.push(h3(m.report_strengths_title({}, o)), ranked(report.summary.strengths));
	blocks.push(h3(m.report_to_grow_title({}, o)), ranked(report.summary.toGrow));
	blocks.push(p(m.report_ranking_note({}, o), true));
	if (report.guide) blocks.push(h3(m.report_starters_title({}, o)), { kind: 'list', ordered: true, items: report.guide.starters });
	return { id: 'lk-summary', title: m.report_summary_title({}, o), blocks };
}

function aspects(report: Report, o: O): Section {
	return {
		id: 'lk-aspects',
		title: m.report_aspects_title({}, o),
		blocks: [p(m.report_aspects_intro({}, o)), ...report.aspects.map((a): Block => ({ kind: 'subsection', section: aspectSection(report, a, o) }))]
	};
}

/** A measure's total hidden by disclosure control, and the earlier version whose figure shows instead. */
function withheldTotal(report: Report, measure: string): { shownFrom: number | null } | undefined {
	return report.withheld.find((w) => w.measure === measure && w.group === null);
}

function aspectSection(report: Report, aspect: AspectReport, o: O): Section {
	const { locale } = o;
	const e = aspect.employee;
	const items = report.items.filter((i) => i.aspect === aspect.id);
	const blocks: Block[] = [p(aspect.explanation, true)];
	const hidden = withheldTotal(report, `aspect:${aspect.id}`);
	if (hidden) {
		blocks.push(p(hidden.shownFrom === null ? m.report_aspect_hidden({}, o) : m.report_aspect_from_version({ version: hidden.shownFrom }, o)));
	}
	blocks.push(
		p(
			e.mean === null
				? hidden
					? m.report_figure_hidden({}, o)
					: m.report_aspect_no_score({ k: report.threshold }, o)
				: e.ci95
					? m.report_aspect_score({ score: formatScore(e.mean, locale), n: formatCount(e.n, locale), low: formatScore(e.ci95[0], locale), high: formatScore(e.ci95[1], locale) }, o)
					: m.report_aspect_score_no_ci({ score: formatScore(e.mean, locale), n: formatCount(e.n, locale) }, o)
		)
	);
	if (e.favourable !== null) blocks.push(p(m.report_aspect_favourable({ share: formatShare(e.favourable, locale) }, o)));
	const owner = ownerLine(aspect.owner.mean, aspect.gap, o);
	if (owner) blocks.push(p(owner));
	blocks.push({
		kind: 'table',
		caption: m.report_items_caption({ aspect: aspect.label }, o),
		head: [m.report_col_statement({}, o), m.report_col_mean({}, o), m.report_col_favourable({}, o), m.report_col_owner({}, o), m.report_col_gap({}, o)],
		numericFrom: 1,
		rows: items.map((item) => {
			const hiddenItem = withheldTotal(report, `item:${item.id}`);
			if (hiddenItem && hiddenItem.shownFrom === null) return { header: item.text, hidden: m.report_figure_hidden({}, o) };
			const notes = [item.reverse ? m.report_item_reverse_short({}, o) : null, hiddenItem?.shownFrom ? m.report_from_version({ version: hiddenItem.shownFrom }, o) : null].filter((n) => n !== null);
			// The owner's answer as chosen: a reverse-keyed item's score is 6 minus the answer, so undo that here.
			return {
				header: item.text,
				note: notes.length > 0 ? `(${notes.join('; ')})` : undefined,
				cells: [formatScore(item.employee.mean, locale), formatShare(item.employee.favourable, locale), formatAnswer(ownerAnswer(item), locale), formatGap(item.gap, locale)]
			};
		})
	});
	if (items.some((i) => i.reverse)) blocks.push(p(m.report_item_reverse_note({}, o), true));
	blocks.push(chart(distributionChart(report, aspect, locale)));
	return { id: `lk-aspect-${aspect.id}`, title: aspect.label, blocks };
}

function ownerAnswer(item: { reverse: boolean; owner: { mean: number | null } }): number | null {
	const score = item.owner.mean;
	if (score === null) return null;
	return item.reverse ? 6 - score : score;
}

function ownerLine(owner: number | null, gap: number | null, o: O): string | null {
	if (owner === null) return null;
	const score = formatScore(owner, o.locale);
	if (gap === null) return m.report_aspect_owner({ score }, o);
	const size = formatScore(Math.abs(gap), o.locale);
	if (gap >= SAME) return m.report_aspect_owner_higher({ score, gap: size }, o);
	if (gap <= -SAME) return m.report_aspect_owner_lower({ score, gap: size }, o);
	return m.report_aspect_owner_same({ score }, o);
}

function contrasts(report: Report, o: O): Section {
	const blocks: Block[] = [p(m.report_contrasts_intro({ k: report.threshold }, o))];
	if (report.breakdowns.length === 0) blocks.push(p(m.report_contrasts_none({}, o)));
	else blocks.push(p(m.report_contrasts_dash({ none: NO_FIGURE, k: report.threshold }, o), true));
	for (const breakdown of report.breakdowns) blocks.push(h3(breakdown.label), ...breakdownBlocks(report, breakdown, o));
	blocks.push(...languageBlocks(report, o));
	return { id: 'lk-contrasts', title: m.report_contrasts_title({}, o), blocks };
}

/** The survey languages as the report may count them (domain/report languagesOf); nothing when it is null. */
function languageBlocks(report: Report, o: O): Block[] {
	const languages = report.languages;
	if (!languages) return [];
	const { locale } = o;
	const table: TableBlock = {
		kind: 'table',
		caption: m.report_languages_caption({}, o),
		head: [m.report_col_language({}, o), m.report_col_n({}, o)],
		numericFrom: 1,
		rows: [
			...languages.shown.map((l) => ({ header: l.label, cells: [formatCount(l.n, locale)] })),
			...(languages.other > 0 ? [{ header: m.report_languages_other({}, o), cells: [formatCount(languages.other, locale)] }] : [])
		]
	};
	return [h3(m.report_languages_title({}, o)), p(m.report_languages_intro({ k: report.threshold }, o)), table];
}

function breakdownBlocks(report: Report, breakdown: Breakdown, o: O): Block[] {
	const { locale } = o;
	const model = breakdownChart(report, breakdown, locale);
	const table: TableBlock = {
		kind: 'table',
		caption: model.title,
		head: [m.report_col_group({}, o), m.report_col_n({}, o), ...report.aspects.map((a) => a.label)],
		numericFrom: 1,
		rows: breakdown.groups.map((g) =>
			g.suppressed
				? { header: g.label, hidden: m.report_group_hidden({}, o) }
				: { header: g.label, cells: [formatCount(g.n, locale), ...report.aspects.map((a) => formatScore(g.aspects?.[a.id] ?? null, locale))] }
		)
	};
	const blocks: Block[] = [];
	if (breakdown.groups.every((g) => g.suppressed)) blocks.push(p(m.report_breakdown_all_hidden({}, o)));
	blocks.push(chart(model, { table, printTable: true }));
	if (report.withheld.some((w) => w.group?.startsWith(`${breakdown.variable}:`) && w.measure !== 'respondents')) {
		blocks.push(p(m.report_breakdown_withheld({ none: NO_FIGURE }, o), true));
	}
	return blocks;
}

function learning(report: Report, o: O): Section[] {
	const learning = report.learning;
	if (!learning) return [];
	const { locale } = o;
	const line = (key: 'need' | 'intention', text: (share: string) => string): Block[] => {
		const favourable = learning[key].favourable;
		const hidden = withheldTotal(report, `learning:${key}`);
		const figure = p(
			favourable === null
				? hidden
					? m.report_learning_hidden({}, o)
					: m.report_learning_too_few({ k: report.threshold }, o)
				: text(formatShare(favourable, locale))
		);
		return hidden?.shownFrom ? [figure, p(m.report_learning_from_version({ version: hidden.shownFrom }, o), true)] : [figure];
	};
	const yesNoHidden = (['formal', 'nonFormal', 'informal'] as const).some((key) => withheldTotal(report, `learning:${key}`));
	return [
		{
			id: 'lk-learning',
			title: m.report_learning_title({}, o),
			blocks: [
				p(m.report_learning_intro({}, o)),
				chart(learningChart(learning, locale)),
				...(yesNoHidden ? [p(m.report_withheld_note({ k: report.threshold }, o), true)] : []),
				...line('need', (share) => m.report_learning_need({ share }, o)),
				...line('intention', (share) => m.report_learning_intention({ share }, o)),
				chart(barrierChart(learning, locale)),
				p(m.report_barriers_note({ count: formatCount(learning.barriers.respondents, locale) }, o), true)
			]
		}
	];
}

function followups(report: Report, o: O): Section[] {
	const section = followupSection(report, o);
	return section ? [section] : [];
}

function openAnswers(report: Report, o: O): Section {
	const open = report.open;
	const blocks: Block[] = [];
	if (!open.verbatimPromised) blocks.push(p(m.report_open_not_promised({}, o)));
	else {
		blocks.push(p(m.report_open_order({ k: report.threshold }, o), true));
		for (const q of open.questions) {
			blocks.push(h3(q.question));
			blocks.push(
				q.answers
					? { kind: 'list', ordered: false, items: q.answers, keepLineBreaks: true }
					: p(m.report_open_too_few({ k: report.threshold }, o))
			);
		}
	}
	return { id: 'lk-open', title: m.report_open_title({}, o), blocks };
}

function guide(report: Report, o: O): Section[] {
	const g = report.guide;
	if (!g) return [];
	const blocks: Block[] = [p(m.report_guide_intro({}, o))];
	for (const s of g.strengths) blocks.push(h3(m.report_guide_keep_title({ aspect: s.label }, o)), { kind: 'list', ordered: false, items: s.keep });
	for (const t of g.toGrow) {
		blocks.push(
			h3(m.report_guide_grow_title({ aspect: t.label }, o)),
			h4(m.report_guide_questions({}, o)),
			{ kind: 'list', ordered: false, items: t.questions },
			h4(m.report_guide_steps({}, o)),
			{ kind: 'list', ordered: false, items: t.steps }
		);
	}
	return [{ id: 'lk-guide', title: m.report_guide_title({}, o), blocks }];
}

/** "Wat kunt u doen?": the recommended knowledge-base entries, each with its reason, and how they were chosen. */
function advice(view: RoundReport, o: O): Section {
	const { recommendations, worrySet } = view.advice;
	const blocks: Block[] = [];
	if (recommendations.length > 0) {
		blocks.push(p(m.advice_section_intro({}, o)));
		if (!view.report.employeeFigures) blocks.push(p(m.advice_section_own_view({}, o)));
		blocks.push({
			kind: 'recommendations',
			items: recommendations.map((r) => ({ title: r.title, href: `${o.origin}/knowledge/${encodeURIComponent(r.entry)}`, summary: r.summary, reason: r.reason }))
		});
	} else {
		blocks.push(p(m.advice_none({}, o)));
	}
	if (!worrySet) blocks.push(p(m.advice_set_worry({}, o)));
	blocks.push(h3(m.advice_why_title({}, o)), {
		kind: 'paragraph',
		text: m.advice_why_text({}, o),
		link: { text: m.advice_why_link({}, o), href: `${o.origin}/method/recommendations` }
	});
	return { id: 'lk-advice', title: m.advice_section_title({}, o), blocks };
}

function method(report: Report, o: O): Section {
	const { locale } = o;
	const k = report.threshold;
	const minimum = report.method.alphaMinimumRespondents;
	const blocks: Block[] = [
		{
			kind: 'terms',
			items: [
				{ term: m.report_method_scale_term({}, o), text: m.report_method_scale({}, o) },
				{ term: m.report_method_aspect_term({}, o), text: m.report_method_aspect({}, o) },
				{ term: m.report_method_ci_term({}, o), text: m.report_method_ci({}, o) },
				{ term: m.report_method_favourable_term({}, o), text: m.report_method_favourable({}, o) },
				{ term: m.report_method_gap_term({}, o), text: m.report_method_gap({}, o) },
				{ term: m.report_method_k_term({ k }, o), text: m.report_method_k({ k }, o) },
				{ term: m.report_method_alpha_term({}, o), text: m.report_method_alpha({ minimum }, o) }
			]
		}
	];
	if (report.employeeFigures) {
		blocks.push(
			{
				kind: 'table',
				caption: m.report_alpha_caption({}, o),
				head: [m.report_col_aspect({}, o), m.report_col_alpha({}, o), m.report_col_complete({}, o)],
				numericFrom: 1,
				rows: report.aspects.map((a) => ({
					header: a.label,
					cells: [formatAlpha(a.employee.alpha, locale), formatCount(report.method.completeRespondents[a.id] ?? null, locale)]
				}))
			},
			p(m.report_alpha_missing({ none: NO_FIGURE, minimum }, o), true)
		);
	}
	blocks.push(h3(m.report_method_can_title({}, o)), {
		kind: 'list',
		ordered: false,
		items: [m.report_method_can_1({}, o), m.report_method_can_2({}, o), m.report_method_can_3({}, o), m.report_method_can_4({}, o)]
	});
	blocks.push({ kind: 'paragraph', muted: true, text: m.report_method_instrument({ version: report.instrumentVersion }, o), link: { text: m.report_method_link({}, o), href: `${o.origin}/method` } });
	return { id: 'lk-method', title: m.report_method_title({}, o), blocks };
}
