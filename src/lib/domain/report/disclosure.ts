// Disclosure control over a whole report version: which respondents every shown figure rests on, the test of
// privacy/disclosure.ts per measure with every earlier version of the round as input, and the report with
// what it hides marked as hidden. Pure: the shell passes the ids, the earlier versions and a random source.
import { itemsOfAspect } from '../instrument/helpers';
import type { Instrument, AppLocale } from '../instrument/schema';
import { discloseMeasure, type NewShownSet, type ShownSet } from '../privacy/disclosure';
import { effectiveThreshold } from '../privacy/threshold';
import type { ScanResponse } from '../response';
import { aspectScoreOfItems, isScaleAnswer, itemScore, itemScores } from '../scoring';
import { difference, summaryOfAspects } from './build';
import type { Report } from './schema';

/** An employee response with an id that is only used to tell respondents apart (the response row's id). */
export interface IdentifiedResponse {
	id: string;
	response: ScanResponse;
}

/** What one version showed: per measure, per shown set ("total" or "VARIABLE:CATEGORY"), its respondents. */
export type ShownSets = Record<string, Record<string, string[]>>;

export interface EarlierVersion {
	version: number;
	shown: ShownSets;
	/** Its reports, for the figures a hidden total keeps and the open answers that stay. */
	reports: Record<AppLocale, Report>;
}

export interface DisclosureInput {
	instrument: Instrument;
	threshold?: number;
	employees: readonly IdentifiedResponse[];
	/** The new version's reports as built, one per language, from the same responses. */
	reports: Record<AppLocale, Report>;
	/** Every earlier published version of the round, any order. */
	earlier: readonly EarlierVersion[];
	/** A number in [0, 1): the new random order of the open answers. */
	random: () => number;
	budget?: number;
}

export interface DisclosureOutput {
	reports: Record<AppLocale, Report>;
	/** What this version shows, to store beside it for the versions after it. */
	shown: ShownSets;
}

const TOTAL = 'total';
const groupKey = (variable: string, category: string) => `${variable}:${category}`;

interface Measure {
	id: string;
	/** Respondents with a value for this measure. */
	valued: (r: ScanResponse) => boolean;
	/** The measure's total is shown in the built report. */
	totalShown: (report: Report) => boolean;
	/** Breakdown groups carry this measure (the aspects). */
	grouped: (group: Report['breakdowns'][number]['groups'][number]) => boolean;
}

/**
 * The measures of a report: the instrument's, and one pair per question about a finished action the report
 * lists (its opinions, and everyone who answered for the "weet ik niet" count of its distribution).
 */
function measuresOf(instrument: Instrument, report: Report): Measure[] {
	const scale = instrument.scale;
	const never = () => false;
	const measures: Measure[] = [
		{ id: 'respondents', valued: () => true, totalShown: (r) => r.employeeFigures, grouped: (g) => !g.suppressed }
	];
	for (const aspect of instrument.aspects) {
		const items = itemsOfAspect(instrument, aspect.id);
		measures.push({
			id: `aspect:${aspect.id}`,
			valued: (r) => aspectScoreOfItems(itemScores(items, r, scale)) !== null,
			totalShown: (r) => r.aspects.find((a) => a.id === aspect.id)?.employee.mean != null,
			grouped: (g) => !g.suppressed && g.aspects?.[aspect.id] != null
		});
	}
	for (const item of instrument.items) {
		const shown = (r: Report) => r.items.find((i) => i.id === item.id)?.employee.distribution != null;
		measures.push({ id: `item:${item.id}`, valued: (r) => itemScore(item, r.answers[item.id], scale) !== null, totalShown: shown, grouped: never });
		// The "weet ik niet" count of the distribution rests on everyone who answered, with or without a score.
		measures.push({
			id: `item-answered:${item.id}`,
			valued: (r) => r.answers[item.id] === scale.dontKnow || isScaleAnswer(r.answers[item.id], scale),
			totalShown: shown,
			grouped: never
		});
	}
	for (const key of ['formal', 'nonFormal', 'informal'] as const) {
		measures.push({ id: `learning:${key}`, valued: (r) => r.learning[key] !== null, totalShown: (r) => r.learning?.[key].share != null, grouped: never });
	}
	for (const key of ['need', 'intention'] as const) {
		measures.push({
			id: `learning:${key}`,
			valued: (r) => itemScore({ reverse: false }, r.learning[key], scale) !== null,
			totalShown: (r) => r.learning?.[key].mean != null,
			grouped: never
		});
	}
	measures.push({ id: 'learning:barriers', valued: () => true, totalShown: (r) => r.learning !== null, grouped: never });
	for (const question of report.followups) {
		const id = question.id;
		const shown = (r: Report) => r.followups.find((f) => f.id === id)?.employee.distribution != null;
		measures.push({ id: `followup:${id}`, valued: (r) => isScaleAnswer(r.answers[id], scale), totalShown: shown, grouped: never });
		measures.push({
			id: `followup-answered:${id}`,
			valued: (r) => r.answers[id] === scale.dontKnow || isScaleAnswer(r.answers[id], scale),
			totalShown: shown,
			grouped: never
		});
	}
	return measures;
}

/**
 * Runs disclosure control over a new version. Measures are taken one by one; "respondents" (the breakdown
 * groups themselves) goes first, so that an aspect is only tested on the groups still shown. Hiding only ever
 * removes figures, which can never make another set exposed, so the order changes nothing about safety.
 */
export function discloseReport(input: DisclosureInput): DisclosureOutput {
	const k = effectiveThreshold(input.threshold);
	const reports: Record<AppLocale, Report> = { nl: structuredClone(input.reports.nl), en: structuredClone(input.reports.en) };
	const base = reports.nl;
	const shown: ShownSets = {};
	const earlier = [...input.earlier].sort((a, b) => a.version - b.version);
	const previous = earlier.at(-1) ?? null;
	const withheld: Report['withheld'] = [];
	// Groups hidden as a whole (measure "respondents") carry no other measure either.
	const hiddenGroups = new Set<string>();
	const hiddenLanguages = new Set<string>();
	if (!base.employeeFigures) return { reports: withOpenAnswers(reports, input, k, previous), shown };

	for (const measure of measuresOf(input.instrument, base)) {
		const valued = input.employees.filter((e) => measure.valued(e.response));
		const offered: NewShownSet[] = [];
		if (measure.totalShown(base)) {
			// Every employee has a value for these two, and versions differ by at least k employees, so their
			// totals never need hiding; there is nothing else to show in their place anyway.
			const fixed = measure.id === 'respondents' || measure.id === 'learning:barriers';
			offered.push({ id: TOTAL, members: valued.map((e) => e.id), group: false, order: 0, hideable: !fixed });
		}
		base.breakdowns.forEach((breakdown, b) => {
			breakdown.groups.forEach((group, g) => {
				if (!measure.grouped(group) || hiddenGroups.has(groupKey(breakdown.variable, group.category))) return;
				const members = valued.filter((e) => e.response.background[breakdown.variable] === group.category).map((e) => e.id);
				offered.push({ id: groupKey(breakdown.variable, group.category), members, group: true, order: (b + 1) * 1000 + g });
			});
		});
		if (measure.id === 'respondents') {
			// The language counts are counts of respondents, tested with the breakdown groups and every earlier
			// version: two versions' Dutch counts and totals must not tell one new person's language.
			languageSets(input.employees, base).forEach((set, i) => offered.push({ ...set, group: true, order: (base.breakdowns.length + 1) * 1000 + i }));
		}
		if (offered.length === 0) continue;
		const before: ShownSet[] = earlier.flatMap((v) => Object.entries(v.shown[measure.id] ?? {}).map(([id, members]) => ({ id: `v${v.version}:${id}`, members })));
		const decision = discloseMeasure({ k, shown: offered, earlier: before, budget: input.budget });
		const hidden = new Set(decision.hidden);
		// An item's two measures show one distribution: hidden for one, it is hidden for both. So do a follow-up question's.
		const partner = partnerOf(measure.id);
		if (partner && shown[partner]?.[TOTAL] === undefined && measure.totalShown(base)) hidden.add(TOTAL);
		if (partner && hidden.has(TOTAL) && shown[partner]?.[TOTAL]) {
			delete shown[partner]![TOTAL];
		}
		if (measure.id === 'respondents') {
			for (const id of hidden) hiddenGroups.add(id);
			for (const id of [...hidden].filter(isLanguageKey)) hiddenLanguages.add(id.slice(LANGUAGE.length + 1));
		}
		const kept = offered.filter((set) => !hidden.has(set.id));
		if (kept.length > 0) shown[measure.id] = Object.fromEntries(kept.map((set) => [set.id, [...set.members]]));
		// A hidden language is not named in the withheld list: naming it would tell that it was used.
		for (const id of [...hidden].filter((id) => !isLanguageKey(id))) {
			const group = id === TOTAL ? null : id;
			const entry = withheld.find((w) => w.measure === (partner ?? measure.id) && w.group === group);
			if (!entry) withheld.push({ measure: partner ?? measure.id, group, shownFrom: null });
		}
	}
	for (const locale of ['nl', 'en'] as const) reports[locale] = withoutLanguages(applyWithheld(reports[locale], withheld, previous, locale), hiddenLanguages);
	return { reports: withOpenAnswers(reports, input, k, previous), shown };
}

const LANGUAGE = 'language';
const isLanguageKey = (id: string) => id.startsWith(`${LANGUAGE}:`);

/** The respondents of each language the built report shows ("language:LOCALE"). */
function languageSets(employees: readonly IdentifiedResponse[], report: Report): ShownSet[] {
	return (report.languages?.shown ?? []).map((l) => ({ id: groupKey(LANGUAGE, l.language), members: employees.filter((e) => e.response.language === l.language).map((e) => e.id) }));
}

/**
 * The report with the hidden languages taken into "other". With no language left, or only one and nothing
 * else, nothing is shown: the counts would say no more than the total.
 */
function withoutLanguages(report: Report, hidden: ReadonlySet<string>): Report {
	if (!report.languages || hidden.size === 0) return report;
	const shown = report.languages.shown.filter((l) => !hidden.has(l.language));
	const other = report.languages.other + report.languages.shown.filter((l) => hidden.has(l.language)).reduce((sum, l) => sum + l.n, 0);
	return { ...report, languages: shown.length === 0 ? null : { shown, other } };
}

function partnerOf(measureId: string): string | null {
	if (measureId.startsWith('item-answered:')) return measureId.replace('item-answered:', 'item:');
	if (measureId.startsWith('followup-answered:')) return measureId.replace('followup-answered:', 'followup:');
	return null;
}

/** The report with the withheld figures taken out, a hidden total showing the previous version's figure. */
function applyWithheld(report: Report, withheld: Report['withheld'], previous: EarlierVersion | null, locale: AppLocale): Report {
	const before = previous?.reports[locale] ?? null;
	const result: Report = { ...report, withheld: withheld.map((w) => ({ ...w })) };
	const carried = (w: Report['withheld'][number], has: boolean) => {
		w.shownFrom = has && previous ? (before?.withheld.find((x) => x.measure === w.measure && x.group === null)?.shownFrom ?? previous.version) : null;
	};
	for (const w of result.withheld) {
		const [kind, id] = w.measure.split(':') as [string, string | undefined];
		if (w.group !== null) {
			const [variable, ...rest] = w.group.split(':');
			const category = rest.join(':');
			result.breakdowns = result.breakdowns.map((b) =>
				b.variable !== variable
					? b
					: {
							...b,
							groups: b.groups.map((g) => {
								if (g.category !== category) return g;
								if (kind === 'respondents') return { ...g, n: null, suppressed: true, aspects: null };
								return { ...g, aspects: g.aspects ? { ...g.aspects, [id!]: null } : null };
							})
						}
			);
			continue;
		}
		if (kind === 'aspect') {
			result.aspects = result.aspects.map((a) => {
				if (a.id !== id) return a;
				const earlier = before?.aspects.find((x) => x.id === id)?.employee;
				const employee = earlier?.mean != null ? earlier : { n: null, mean: null, sd: null, ci95: null, favourable: null, alpha: null };
				carried(w, earlier?.mean != null);
				return { ...a, employee, gap: difference(a.owner.mean, employee.mean) };
			});
		} else if (kind === 'item') {
			result.items = result.items.map((i) => {
				if (i.id !== id) return i;
				const earlier = before?.items.find((x) => x.id === id)?.employee;
				const employee = earlier?.distribution != null ? earlier : { n: null, mean: null, sd: null, favourable: null, distribution: null };
				carried(w, earlier?.distribution != null);
				return { ...i, employee, gap: difference(i.owner.mean, employee.mean) };
			});
		} else if (kind === 'followup') {
			result.followups = result.followups.map((f) => {
				if (f.id !== id) return f;
				const earlier = before?.followups.find((x) => x.id === id)?.employee;
				const employee = earlier?.distribution != null ? earlier : { n: null, mean: null, sd: null, favourable: null, distribution: null };
				carried(w, earlier?.distribution != null);
				return { ...f, employee };
			});
		} else if (kind === 'learning' && result.learning) {
			const learning = { ...result.learning };
			const earlier = before?.learning ?? null;
			if (id === 'formal' || id === 'nonFormal' || id === 'informal') {
				const figure = earlier?.[id].share != null ? earlier[id] : { n: learning[id].n, share: null };
				carried(w, earlier?.[id].share != null);
				learning[id] = figure;
			} else if (id === 'need' || id === 'intention') {
				const figure = earlier?.[id].mean != null ? earlier[id] : { n: learning[id].n, mean: null, favourable: null };
				carried(w, earlier?.[id].mean != null);
				learning[id] = figure;
			} else if (id === 'barriers' && earlier) {
				carried(w, true);
				learning.barriers = earlier.barriers;
			}
			result.learning = learning;
		}
	}
	return { ...result, ...summaryOfAspects(result.aspects, result.employeeFigures, locale) };
}

/**
 * Open answers: a new random order per version, the same in every language; and a question's list changes
 * only with at least k new answers, otherwise the earlier list (and its count) stays.
 */
function withOpenAnswers(reports: Record<AppLocale, Report>, input: DisclosureInput, k: number, previous: EarlierVersion | null): Record<AppLocale, Report> {
	const nl = reports.nl.open.questions;
	const orders = nl.map((q) => (q.answers ? shuffledOrder(q.answers.length, input.random) : null));
	const result = { ...reports };
	for (const locale of ['nl', 'en'] as const) {
		const report = reports[locale];
		const before = previous?.reports[locale].open.questions ?? [];
		result[locale] = {
			...report,
			open: {
				...report.open,
				questions: report.open.questions.map((q, index) => {
					const earlier = before.find((x) => x.id === q.id);
					if (earlier?.answers && (q.answers === null || q.answers.length - earlier.answers.length < k)) {
						return { ...q, n: earlier.n, answers: earlier.answers };
					}
					const order = orders[index];
					return q.answers && order ? { ...q, answers: order.map((i) => q.answers![i]!) } : q;
				})
			}
		};
	}
	return result;
}

function shuffledOrder(length: number, random: () => number): number[] {
	const order = Array.from({ length }, (_, i) => i);
	for (let i = length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[order[i], order[j]] = [order[j]!, order[i]!];
	}
	return order;
}

/**
 * What a stored report showed, worked out again from its responses: for versions published before their
 * shown sets were stored. The same rule as discloseReport uses for the sets a new version offers.
 */
export function shownSetsOfReport(instrument: Instrument, employees: readonly IdentifiedResponse[], report: Report): ShownSets {
	const shown: ShownSets = {};
	if (!report.employeeFigures) return shown;
	for (const measure of measuresOf(instrument, report)) {
		const valued = employees.filter((e) => measure.valued(e.response));
		const sets: Record<string, string[]> = {};
		if (measure.totalShown(report)) sets[TOTAL] = valued.map((e) => e.id);
		for (const breakdown of report.breakdowns) {
			for (const group of breakdown.groups) {
				if (measure.grouped(group)) {
					sets[groupKey(breakdown.variable, group.category)] = valued.filter((e) => e.response.background[breakdown.variable] === group.category).map((e) => e.id);
				}
			}
		}
		if (measure.id === 'respondents') for (const set of languageSets(employees, report)) sets[set.id] = [...set.members];
		if (Object.keys(sets).length > 0) shown[measure.id] = sets;
	}
	return shown;
}
