// Everything one screen of the follow-up session shows, with every figure already in words. A round's
// session shows its published report (never more than the report); without a round, or without employee
// figures, it is the guided team conversation without any figure.
import type { AppLocale } from '../../domain/instrument';
import { loadInstrument } from '../../domain/instrument';
import { loadDiscussionGuide } from '../../domain/report/guide';
import type { Report } from '../../domain/report/schema';
import { ACTIONS_STEP, locateStep, QUESTIONS_STEP, sessionPlan, WELL_STEP, type SessionAspect, type SessionPlan } from '../../domain/session/steps';
import { MAX_SESSION_ACTIONS } from '../../domain/actions/action';
import type { Database } from '../db/client';
import { listMembers } from '../firms/advisers';
import { publishedEntries } from '../knowledge/published-entries';
import { listActions } from '../actions/list-actions';
import { formatScore, formatShare } from '../report/format';
import { sessionNotes } from './save-session-note';
import type { ShownRecommendation } from '../recommendations/report-recommendations';
import { searchEntries } from '../knowledge/search-entries';
import { recommendedEntries, sessionSuggestions, type RecommendedEntry, type SuggestedEntry } from './suggestions';
import * as m from '../../paraglide/messages.js';

export interface ShownAspect {
	id: string;
	label: string;
	explanation: string;
	/** The team's score in large type, or null with `figureNote` saying why there is none. */
	score: string | null;
	lines: string[];
	figureNote: string | null;
	keep: string[];
	questions: string[];
}

export type ShownStep =
	| { kind: 'well'; title: string; strengths: ShownAspect[]; questions: string[] }
	| { kind: 'aspect'; title: string; aspect: ShownAspect }
	| { kind: 'questions'; title: string; questions: string[] }
	| { kind: 'actions'; title: string };

export interface SessionSource {
	firmId: string;
	/** null: the conversation of a small firm, without a round. */
	round: { id: string; name: string } | null;
	/** The published report; null for the conversation without figures. */
	report: Report | null;
	/** The report's recommendations, as the report request already worked them out (none without a report). */
	recommendations: readonly ShownRecommendation[];
	locale: AppLocale;
}

export function planOf(source: Pick<SessionSource, 'report' | 'locale'>): SessionPlan {
	const instrument = loadInstrument(source.report?.instrumentVersion ?? undefined);
	return sessionPlan(instrument, loadDiscussionGuide(), source.report, source.locale);
}

export function shownAspect(aspect: SessionAspect, report: Report | null, locale: AppLocale): ShownAspect {
	const o = { locale };
	const f = aspect.figures;
	let score: string | null = null;
	const lines: string[] = [];
	let figureNote: string | null = null;
	if (f?.shown) {
		score = formatScore(f.mean, locale);
		if (f.favourable !== null) lines.push(m.session_favourable({ share: formatShare(f.favourable, locale) }, o));
		if (f.ownerMean !== null) lines.push(m.session_owner_score({ score: formatScore(f.ownerMean, locale) }, o));
		if (f.fromVersion !== null) figureNote = m.report_aspect_from_version({ version: f.fromVersion }, o);
	} else if (f) {
		figureNote = f.reason === 'hidden' ? m.report_aspect_hidden({}, o) : m.report_aspect_no_score({ k: report?.threshold ?? 0 }, o);
	}
	return { id: aspect.id, label: aspect.label, explanation: aspect.explanation, score, lines, figureNote, keep: aspect.keep, questions: aspect.questions };
}

export function stepTitle(stepId: string, plan: SessionPlan, locale: AppLocale): string {
	const o = { locale };
	if (stepId === WELL_STEP) return m.session_step_well({}, o);
	if (stepId === QUESTIONS_STEP) return m.session_step_questions({}, o);
	if (stepId === ACTIONS_STEP) return m.session_step_actions({}, o);
	const step = plan.steps.find((s) => s.id === stepId);
	return step?.kind === 'aspect' ? step.aspect.label : stepId;
}

export interface SessionScreen {
	withFigures: boolean;
	stepId: string;
	index: number;
	count: number;
	previous: string | null;
	next: string | null;
	step: ShownStep;
	/** The steps' titles, for the overview of where you are. */
	titles: { id: string; title: string }[];
	/** What the team said, for steps that take notes. */
	note: string | null;
	actions: ActionChoice | null;
}

export interface ActionChoice {
	agreed: { id: string; title: string; assigneeName: string | null; dueOn: string | null }[];
	full: boolean;
	max: number;
	/** The report's recommendations not yet agreed on, with the report's reason: offered first. */
	recommended: RecommendedEntry[];
	/** Entries on the aspects to grow that are no recommendation: offered while nothing is searched. */
	suggestions: SuggestedEntry[];
	/** What the team searched for in the knowledge base, and what it found; null when nothing was searched. */
	search: { query: string; hits: SuggestedEntry[] } | null;
	entries: { slug: string; title: string }[];
	aspects: { id: string; label: string }[];
	members: { id: string; name: string }[];
}

/** One screen of the session; null for a step that does not exist. `query`: words searched on the actions step. */
export async function sessionScreen(db: Database, source: SessionSource, stepId: string, query = ''): Promise<SessionScreen | null> {
	const plan = planOf(source);
	const located = locateStep(plan, stepId);
	if (!located) return null;
	const { locale, report } = source;
	const key = { firmId: source.firmId, roundId: source.round?.id ?? null };
	const title = stepTitle(stepId, plan, locale);
	const s = located.step;
	const step: ShownStep =
		s.kind === 'well'
			? { kind: 'well', title, strengths: s.strengths.map((a) => shownAspect(a, report, locale)), questions: s.questions }
			: s.kind === 'aspect'
				? { kind: 'aspect', title, aspect: shownAspect(s.aspect, report, locale) }
				: s.kind === 'questions'
					? { kind: 'questions', title, questions: s.questions }
					: { kind: 'actions', title };
	const notes = s.kind === 'actions' ? {} : await sessionNotes(db, key);
	return {
		withFigures: plan.withFigures,
		stepId,
		index: located.index,
		count: plan.steps.length,
		previous: located.previous,
		next: located.next,
		step,
		titles: plan.steps.map((x) => ({ id: x.id, title: stepTitle(x.id, plan, locale) })),
		note: s.kind === 'actions' ? null : (notes[stepId] ?? ''),
		actions: s.kind === 'actions' ? await actionChoice(db, source, plan, query) : null
	};
}

async function actionChoice(db: Database, source: SessionSource, plan: SessionPlan, query: string): Promise<ActionChoice> {
	const roundId = source.round?.id ?? null;
	const all = await listActions(db, source.firmId);
	// Without a round the session counts the open actions that hang on no round (see create-action.ts).
	const agreed = all.filter((a) => (roundId ? a.roundId === roundId : a.roundId === null && (a.status === 'niet-gestart' || a.status === 'bezig')));
	// An idea already agreed on is not offered again, and a recommendation is not offered twice.
	const taken = new Set(agreed.flatMap((a) => (a.entrySlug ? [a.entrySlug] : [])));
	const recommended = recommendedEntries(source.recommendations).filter((r) => !taken.has(r.slug));
	const offered = new Set([...taken, ...recommended.map((r) => r.slug)]);
	const entries = await publishedEntries(db);
	const aspects = plan.steps.flatMap((s) => (s.kind === 'aspect' ? [{ id: s.aspect.id, label: s.aspect.label }] : []));
	const toGrow = source.report?.employeeFigures ? source.report.summary.toGrow : aspects.map((a) => a.id);
	const members = await listMembers(db, source.firmId);
	const words = query.trim();
	return {
		agreed: agreed.map((a) => ({ id: a.id, title: a.title, assigneeName: a.assigneeName, dueOn: a.dueOn })),
		full: agreed.length >= MAX_SESSION_ACTIONS,
		max: MAX_SESSION_ACTIONS,
		recommended,
		suggestions: words ? [] : sessionSuggestions(entries.filter((e) => !offered.has(e.slug)), toGrow, source.locale),
		search: words ? { query: words, hits: await searchHits(db, words, taken, source.locale) } : null,
		entries: entries.map((e) => ({ slug: e.slug, title: e.title })).sort((a, b) => a.title.localeCompare(b.title, 'nl')),
		aspects: [...aspects].sort((a, b) => a.label.localeCompare(b.label, 'nl')),
		members: members.map((p) => ({ id: p.userId, name: p.name }))
	};
}

const SEARCH_HITS_SHOWN = 5;

async function searchHits(db: Database, words: string, taken: ReadonlySet<string>, locale: AppLocale): Promise<SuggestedEntry[]> {
	const { hits } = await searchEntries(db, words, {}, { limit: SEARCH_HITS_SHOWN + taken.size });
	return hits
		.filter((h) => !taken.has(h.slug))
		.slice(0, SEARCH_HITS_SHOWN)
		.map((h) => ({ slug: h.slug, title: h.title, summary: locale === 'en' ? h.summaryEn : h.summary, aspects: [...h.aspects] }));
}
