import { backgroundCategories, itemsOfAspect } from '../instrument/helpers';
import { languageNames, surveyLocales, type Instrument, type Item, type AppLocale } from '../instrument/schema';
import { effectiveThreshold } from '../privacy/threshold';
import { suppressSmallGroups } from '../privacy/suppression';
import type { ScanResponse } from '../response';
import { aspectScoreOfItems, completeRowOfItems, isScaleAnswer, itemScore, itemScores } from '../scoring';
import { favourableShare, mean, shareTrue, summarize } from '../stats/descriptive';
import { alphaMinimumRespondents, cronbachAlpha } from '../stats/reliability';
import { loadDiscussionGuide, type DiscussionGuideContent } from './guide';
import type { AspectReport, Breakdown, FollowupReport, ItemReport, LearningReport, Report, ReportSignals } from './schema';
import { followupVariable, type FollowupQuestion } from '../followup/followup';

export interface ReportInput {
	instrument: Instrument;
	/** The responses of one published version. Owner responses found here are treated as owner responses. */
	responses: readonly ScanResponse[];
	ownerResponses?: readonly ScanResponse[];
	/** Anonymity threshold k; 5 when not given, never below 3. */
	threshold?: number;
	/** People invited; null when unknown. */
	invited: number | null;
	/** Respondents were told before answering that open answers are shown word for word. */
	openAnswersVerbatim: boolean;
	locale: AppLocale;
	/** The round's team list, in the owner's order; without it, teams are taken from the answers. */
	teams?: readonly string[];
	/** At close: employee responses that came after the last version and are too few to show (publicationDecision). */
	lateResponses?: number;
	/** The adviser who supervised the round, by name; null or absent when the firm ran it itself. */
	supervisedBy?: { name: string } | null;
	/** Guide texts; the ones in content/ by default. */
	guide?: DiscussionGuideContent;
	/** Whether Leerkompas collected the answers or they were imported from a file; collected by default. */
	origin?: 'collected' | 'imported';
	/** The warning signals as they stood when this version was published; null (the default) before that. */
	signals?: ReportSignals | null;
	/** The round's questions about finished actions (domain/followup); none by default. */
	followups?: readonly FollowupQuestion[];
}

const favourableFrom = 4;
const lowResponseRate = 0.5;
const strengthsShown = 2;
const toGrowShown = 2;
const questionsShown = 3;

/** One respondent with the aspect figures every part of the report uses, worked out once. */
interface ScoredResponse {
	response: ScanResponse;
	/** Aspect id to aspect score (null when fewer than half of its items are answered). */
	scores: Record<string, number | null>;
	/** Aspect id to the item scores when every item is answered (for Cronbach's alpha), else null. */
	complete: Record<string, number[] | null>;
}

/**
 * Scores every respondent on every aspect once. Looking up an aspect's items per respondent, per aspect and
 * per breakdown group took most of the time of a report of 5,000 respondents (0.4 s per language); the figures are the same.
 */
function scoreResponses(instrument: Instrument, aspectItems: ReadonlyMap<string, readonly Item[]>, responses: readonly ScanResponse[]): ScoredResponse[] {
	return responses.map((response) => {
		const scores: Record<string, number | null> = {};
		const complete: Record<string, number[] | null> = {};
		for (const [aspectId, items] of aspectItems) {
			const itemScoresOfAspect = itemScores(items, response, instrument.scale);
			scores[aspectId] = aspectScoreOfItems(itemScoresOfAspect);
			complete[aspectId] = completeRowOfItems(itemScoresOfAspect);
		}
		return { response, scores, complete };
	});
}

/** Who answered, and the part of it that may be shown: with fewer than k employees, no employee at all. */
interface Respondents {
	k: number;
	employees: readonly ScanResponse[];
	owners: readonly ScanResponse[];
	employeeFigures: boolean;
	/** The employee responses the figures rest on: all of them from k on, none below. */
	shown: readonly ScanResponse[];
	scoredShown: readonly ScoredResponse[];
	scoredOwners: readonly ScoredResponse[];
}

function respondentsOf(input: ReportInput): Respondents {
	const { instrument } = input;
	const k = effectiveThreshold(input.threshold);
	const all = [...input.responses, ...(input.ownerResponses ?? [])];
	const employees = all.filter((r) => r.perspective === 'employee');
	const owners = all.filter((r) => r.perspective === 'owner');
	const employeeFigures = employees.length >= k;
	const shown = employeeFigures ? employees : [];
	const aspectItems = new Map(instrument.aspects.map((aspect) => [aspect.id, itemsOfAspect(instrument, aspect.id)]));
	return {
		k,
		employees,
		owners,
		employeeFigures,
		shown,
		scoredShown: scoreResponses(instrument, aspectItems, shown),
		scoredOwners: scoreResponses(instrument, aspectItems, owners)
	};
}

/**
 * Builds one version of a round's report from its responses. Pure: the same input gives the same report.
 * Privacy is applied here, not in the views: with fewer than k employees no employee figure exists in the
 * output at all, every employee figure rests on at least k values, and breakdowns are suppressed.
 */
export function buildReport(input: ReportInput): Report {
	const { instrument, locale } = input;
	const who = respondentsOf(input);
	const { k, employeeFigures, shown, scoredShown } = who;
	const aspects = aspectReports(instrument, who, locale);
	const { summary, guide: guideOfReport } = summaryOfAspects(aspects, employeeFigures, locale, input.guide);
	return {
		instrumentVersion: instrument.version,
		origin: input.origin ?? 'collected',
		locale,
		threshold: k,
		respondents: { employee: who.employees.length, owner: who.owners.length },
		responseRate: responseRateOf(input.invited, who.employees.length),
		employeeFigures,
		selfScanOffered: !employeeFigures,
		summary,
		aspects,
		items: itemReports(instrument, who, locale),
		breakdowns: employeeFigures ? breakdowns(instrument, scoredShown, k, locale, input.teams) : [],
		learning: employeeFigures ? learning(instrument, shown, k, locale) : null,
		supervisedBy: input.supervisedBy ?? null,
		lateResponses: Math.max(0, input.lateResponses ?? 0),
		open: openAnswers(instrument, shown, k, locale, input.openAnswersVerbatim),
		followups: followupReports(instrument, who, input.followups ?? []),
		withheld: [],
		languages: employeeFigures ? languagesOf(shown, k) : null,
		guide: guideOfReport,
		method: methodOf(instrument, who),
		signals: input.signals ?? null,
		// Needs another round's published version, so the shell adds it when the report is read (roundChange).
		change: null
	};
}

function aspectReports(instrument: Instrument, who: Respondents, locale: AppLocale): AspectReport[] {
	const { k, employeeFigures, scoredShown, scoredOwners } = who;
	return instrument.aspects.map((aspect): AspectReport => {
		const scores = scoredShown.map((r) => r.scores[aspect.id] ?? null);
		const stats = summarize(scores);
		const enough = employeeFigures && stats.n >= k;
		const rows = scoredShown.map((r) => r.complete[aspect.id] ?? null).filter((row): row is number[] => row !== null);
		const ownerStats = summarize(scoredOwners.map((r) => r.scores[aspect.id] ?? null));
		const employeeMean = enough ? stats.mean : null;
		return {
			id: aspect.id,
			label: aspect.label[locale],
			explanation: aspect.explanation[locale],
			employee: {
				n: employeeFigures ? stats.n : null,
				mean: employeeMean,
				sd: enough ? stats.sd : null,
				ci95: enough ? stats.ci95 : null,
				favourable: enough ? favourableShare(scores, favourableFrom) : null,
				alpha: enough ? cronbachAlpha(rows, alphaMinimumRespondents) : null
			},
			owner: { n: ownerStats.n, mean: ownerStats.mean },
			gap: difference(ownerStats.mean, employeeMean)
		};
	});
}

function itemReports(instrument: Instrument, who: Respondents, locale: AppLocale): ItemReport[] {
	const { k, employeeFigures, shown, owners } = who;
	return instrument.items.map((item): ItemReport => {
		const scores = shown.map((r) => itemScore(item, r.answers[item.id], instrument.scale));
		const stats = summarize(scores);
		const enough = employeeFigures && stats.n >= k;
		const ownerStats = summarize(owners.map((r) => itemScore(item, r.answers[item.id], instrument.scale)));
		const employeeMean = enough ? stats.mean : null;
		return {
			id: item.id,
			aspect: item.aspect,
			reverse: item.reverse,
			text: item.text.employee[locale],
			ownerText: item.text.owner[locale],
			employee: {
				n: employeeFigures ? stats.n : null,
				mean: employeeMean,
				sd: enough ? stats.sd : null,
				favourable: enough ? favourableShare(scores, favourableFrom) : null,
				distribution: enough ? distribution(instrument, shown.map((r) => r.answers[item.id])) : null
			},
			owner: { n: ownerStats.n, mean: ownerStats.mean },
			gap: difference(ownerStats.mean, employeeMean)
		};
	});
}

/**
 * The figures of the questions about finished actions, like an item's: from k opinions on ("weet ik niet" is
 * no opinion), on the agreement scale without reversing. Owners are not asked.
 */
function followupReports(instrument: Instrument, who: Respondents, questions: readonly FollowupQuestion[]): FollowupReport[] {
	const { k, employeeFigures, shown } = who;
	return questions.map((question): FollowupReport => {
		const id = followupVariable(question.actionId);
		const scores = shown.map((r) => itemScore({ reverse: false }, r.answers[id], instrument.scale));
		const stats = summarize(scores);
		const enough = employeeFigures && stats.n >= k;
		return {
			id,
			actionId: question.actionId,
			title: question.title,
			employee: {
				// Below k not even the count: an added question is often left open, and its count would move with one person.
				n: enough ? stats.n : null,
				mean: enough ? stats.mean : null,
				sd: enough ? stats.sd : null,
				favourable: enough ? favourableShare(scores, favourableFrom) : null,
				distribution: enough ? distribution(instrument, shown.map((r) => r.answers[id])) : null
			}
		};
	});
}

function responseRateOf(invitedInput: number | null, employees: number): Report['responseRate'] {
	const invited = invitedInput !== null && invitedInput > 0 ? Math.round(invitedInput) : null;
	// More responses than invited is a warning signal, never a rate above 100%.
	const rate = invited === null ? null : Math.min(1, employees / invited);
	return { invited, rate, low: rate === null ? null : rate < lowResponseRate };
}

function methodOf(instrument: Instrument, who: Respondents): Report['method'] {
	const { k, employeeFigures, scoredShown } = who;
	return {
		instrumentVersion: instrument.version,
		threshold: k,
		scale: { min: instrument.scale.min, max: instrument.scale.max, dontKnow: instrument.scale.dontKnow },
		reverseKeyedItems: instrument.items.filter((i) => i.reverse).map((i) => i.id),
		aspectScoreMinimumAnsweredShare: 0.5,
		favourableFrom,
		confidenceLevel: 0.95,
		alphaMinimumRespondents,
		minimumPerFigure: k,
		completeRespondents: Object.fromEntries(
			instrument.aspects.map((aspect) => [aspect.id, employeeFigures ? scoredShown.filter((r) => r.complete[aspect.id] != null).length : null])
		)
	};
}

/**
 * The strengths, the aspects to grow and the discussion guide that follow from the aspects' shown means. Also
 * used after disclosure control changed a mean, so that the ranking never rests on a figure that is hidden.
 */
export function summaryOfAspects(
	aspects: readonly AspectReport[],
	employeeFigures: boolean,
	locale: AppLocale,
	content?: DiscussionGuideContent
): Pick<Report, 'summary' | 'guide'> {
	const ranked = rankAspects(aspects);
	const strengths = ranked.slice(0, strengthsShown);
	const toGrow = ranked
		.slice(strengthsShown)
		.reverse()
		.slice(0, toGrowShown);
	return {
		summary: { strengths, toGrow },
		guide: employeeFigures ? guide(content ?? loadDiscussionGuide(), aspects, strengths, toGrow, locale) : null
	};
}

export function difference(owner: number | null, employee: number | null): number | null {
	return owner === null || employee === null ? null : owner - employee;
}

/** Counts per answer code as given, so people see what was actually chosen, "weet ik niet" included. */
function distribution(
	instrument: Instrument,
	answers: readonly (number | null | undefined)[]
): Record<string, number> {
	const counts: Record<string, number> = {};
	for (let code = instrument.scale.min; code <= instrument.scale.max; code++) counts[String(code)] = 0;
	counts[String(instrument.scale.dontKnow)] = 0;
	for (const answer of answers) {
		if (answer === instrument.scale.dontKnow || isScaleAnswer(answer, instrument.scale)) {
			const key = String(answer);
			counts[key] = (counts[key] ?? 0) + 1;
		}
	}
	return counts;
}

/** Aspects with a mean, strongest first; ties go to the higher favourable share, then instrument order. */
function rankAspects(aspects: readonly AspectReport[]): string[] {
	return aspects
		.map((aspect, order) => ({ aspect, order }))
		.filter(({ aspect }) => aspect.employee.mean !== null)
		.sort(
			(a, b) =>
				(b.aspect.employee.mean ?? 0) - (a.aspect.employee.mean ?? 0) ||
				(b.aspect.employee.favourable ?? 0) - (a.aspect.employee.favourable ?? 0) ||
				a.order - b.order
		)
		.map(({ aspect }) => aspect.id);
}

function breakdowns(
	instrument: Instrument,
	employees: readonly ScoredResponse[],
	k: number,
	locale: AppLocale,
	teams: readonly string[] | undefined
): Breakdown[] {
	const result: Breakdown[] = [];
	for (const question of instrument.background) {
		const given = question.dynamic ? (teams ?? teamsFromAnswers(employees, question.id)) : undefined;
		const categories = backgroundCategories(question, given);
		if (categories.length === 0) continue;
		const members = new Map<string, ScoredResponse[]>(categories.map((c) => [c.id, []]));
		let unanswered = 0;
		for (const scored of employees) {
			const value = scored.response.background[question.id];
			const group = value === null || value === undefined ? undefined : members.get(value);
			if (group) group.push(scored);
			else unanswered += 1;
		}
		const suppression = suppressSmallGroups(
			categories.map((c) => ({ category: c.id, n: members.get(c.id)?.length ?? 0 })),
			{ k, unanswered }
		);
		result.push({
			variable: question.id,
			label: question.label[locale],
			groups: categories.map((category, index) => {
				const suppressed = suppression.groups[index]?.suppressed ?? true;
				const group = members.get(category.id) ?? [];
				if (suppressed) {
					return { category: category.id, label: category.label[locale], n: null, suppressed, aspects: null };
				}
				const aspects: Record<string, number | null> = {};
				for (const aspect of instrument.aspects) {
					const scores = group.map((r) => r.scores[aspect.id] ?? null).filter((s): s is number => s !== null);
					aspects[aspect.id] = scores.length >= k ? mean(scores) : null;
				}
				return { category: category.id, label: category.label[locale], n: group.length, suppressed, aspects };
			})
		});
	}
	return result;
}

/**
 * How many filled in the questionnaire in each language, as suppressSmallGroups allows for a breakdown: each
 * language shown has at least k, and the rest (other languages and responses without a known language) are 0
 * or at least k. Languages not shown are not named, since naming one would tell that someone used it. One
 * language alone says nothing, so then nothing is shown. Disclosure control (disclosure.ts) tests the counts
 * with the report's breakdowns and earlier versions and may hide more.
 */
function languagesOf(employees: readonly ScanResponse[], k: number): Report['languages'] {
	const used = surveyLocales.flatMap((language) => {
		const n = employees.filter((r) => r.language === language).length;
		return n > 0 ? [{ language, n }] : [];
	});
	if (used.length < 2) return null;
	const unknown = employees.length - used.reduce((sum, g) => sum + g.n, 0);
	const suppression = suppressSmallGroups(used.map((g) => ({ category: g.language, n: g.n })), { k, unanswered: unknown });
	const shown = used.filter((_, i) => !suppression.groups[i]!.suppressed).map((g) => ({ language: g.language, label: languageNames[g.language], n: g.n }));
	if (shown.length === 0) return null;
	return { shown, other: suppression.hiddenTotal };
}

function teamsFromAnswers(employees: readonly ScoredResponse[], questionId: string): string[] {
	const names = new Set<string>();
	for (const { response } of employees) {
		const value = response.background[questionId];
		if (value) names.add(value);
	}
	return [...names].sort((a, b) => a.localeCompare(b, 'nl'));
}

function learning(
	instrument: Instrument,
	employees: readonly ScanResponse[],
	k: number,
	locale: AppLocale
): LearningReport {
	const yesShare = (pick: (r: ScanResponse) => boolean | null) => {
		const result = shareTrue(employees.map(pick));
		return { n: result.n, share: result.n >= k ? result.share : null };
	};
	const scale = (pick: (r: ScanResponse) => number | null) => {
		const scores = employees.map((r) => itemScore({ reverse: false }, pick(r), instrument.scale));
		const stats = summarize(scores);
		const enough = stats.n >= k;
		return {
			n: stats.n,
			mean: enough ? stats.mean : null,
			favourable: enough ? favourableShare(scores, favourableFrom) : null
		};
	};
	const respondents = employees.length;
	const options = instrument.learning.barriers.options;
	const ranked = options
		.map((option, order) => {
			const count = employees.filter((r) => r.learning.barriers.includes(option.id)).length;
			return { option, order, count };
		})
		.sort((a, b) => b.count - a.count || a.order - b.order)
		.map(({ option, count }) => ({
			id: option.id,
			label: option.label[locale],
			count,
			share: respondents > 0 ? count / respondents : null
		}));
	return {
		formal: yesShare((r) => r.learning.formal),
		nonFormal: yesShare((r) => r.learning.nonFormal),
		informal: yesShare((r) => r.learning.informal),
		need: scale((r) => r.learning.need),
		intention: scale((r) => r.learning.intention),
		barriers: { respondents, ranked }
	};
}

const collator = new Intl.Collator('nl');

/**
 * Open answers in alphabetical order, so that their order says nothing about who answered when.
 * Shown only when promised before answering and at least k employees wrote one.
 */
function openAnswers(
	instrument: Instrument,
	employees: readonly ScanResponse[],
	k: number,
	locale: AppLocale,
	verbatimPromised: boolean
): Report['open'] {
	return {
		verbatimPromised,
		questions: instrument.open.map((question) => {
			const texts = employees
				.map((r) => r.open[question.id]?.trim() ?? '')
				.filter((text) => text !== '');
			return {
				id: question.id,
				question: question.text.employee[locale],
				n: employees.length > 0 ? texts.length : null,
				answers: verbatimPromised && texts.length >= k ? [...texts].sort(collator.compare) : null
			};
		})
	};
}

function guide(
	content: DiscussionGuideContent,
	aspects: readonly AspectReport[],
	strengths: readonly string[],
	toGrow: readonly string[],
	locale: AppLocale
): NonNullable<Report['guide']> {
	const labelOf = (id: string): string => aspects.find((a) => a.id === id)?.label ?? id;
	return {
		starters: content.starters.map((text) => text[locale]),
		strengths: strengths.map((id) => ({
			aspect: id,
			label: labelOf(id),
			keep: (content.aspects[id]?.keep ?? []).map((text) => text[locale])
		})),
		toGrow: toGrow.map((id) => ({
			aspect: id,
			label: labelOf(id),
			questions: (content.aspects[id]?.questions ?? []).slice(0, questionsShown).map((text) => text[locale]),
			steps: (content.aspects[id]?.steps ?? []).map((text) => text[locale])
		}))
	};
}
