// The follow-up session (vervolgsessie): the report talked through with the team, one step per screen.
// The order is appreciative: what goes well first, then each aspect from strongest to weakest, then the
// open questions, then choosing actions. The figures are the report's own, never more: an aspect whose
// figure the report hides stays hidden here, and without employee figures (fewer than k answered, or a
// firm too small for an anonymous report) the session is a guided team conversation without any figure.
import type { AppLocale } from '../instrument';
import type { Instrument } from '../instrument/schema';
import type { Report } from '../report/schema';
import type { DiscussionGuideContent } from '../report/guide';

/** An aspect's figures as the report shows them; the shell turns them into sentences. */
export type AspectFigures =
	| { shown: true; mean: number; favourable: number | null; ownerMean: number | null; gap: number | null; fromVersion: number | null }
	/** hidden: disclosure control withholds it (the report says so); tooFew: fewer than k scores. */
	| { shown: false; reason: 'hidden' | 'tooFew' };

export interface SessionAspect {
	id: string;
	label: string;
	explanation: string;
	/** null in a conversation without figures. */
	figures: AspectFigures | null;
	/** How to keep what goes well: asked first, in the appreciative order. */
	keep: string[];
	questions: string[];
}

export type SessionStep =
	| { id: 'goed'; kind: 'well'; strengths: SessionAspect[]; questions: string[] }
	| { id: string; kind: 'aspect'; aspect: SessionAspect }
	| { id: 'vragen'; kind: 'questions'; questions: string[] }
	| { id: 'acties'; kind: 'actions' };

export interface SessionPlan {
	/** false: a guided conversation without figures (no anonymous report to show). */
	withFigures: boolean;
	steps: SessionStep[];
}

export const WELL_STEP = 'goed';
export const QUESTIONS_STEP = 'vragen';
export const ACTIONS_STEP = 'acties';

/**
 * The session's steps. `report` is the published report of a round, or null for a firm without one (a
 * firm with fewer than k employees holds the conversation without a round).
 */
export function sessionPlan(instrument: Instrument, guide: DiscussionGuideContent, report: Report | null, locale: AppLocale): SessionPlan {
	const text = (t: { nl: string; en: string }) => t[locale];
	const withFigures = report !== null && report.employeeFigures;
	const aspects: SessionAspect[] = instrument.aspects.map((a) => {
		const g = guide.aspects[a.id];
		return {
			id: a.id,
			label: report?.aspects.find((r) => r.id === a.id)?.label ?? text(a.label),
			explanation: text(a.explanation),
			figures: withFigures ? figuresOf(report, a.id) : null,
			keep: (g?.keep ?? []).map(text),
			questions: (g?.questions ?? []).map(text)
		};
	});
	const [recognise, pleased, oneThing] = guide.starters.map(text);
	const ordered = withFigures ? appreciativeOrder(aspects) : aspects;
	const strengths = withFigures
		? (report.summary.strengths.map((id) => aspects.find((a) => a.id === id)).filter((a) => a !== undefined && a.figures?.shown) as SessionAspect[])
		: [];
	const steps: SessionStep[] = [
		{ id: WELL_STEP, kind: 'well', strengths, questions: [pleased ?? ''].filter(Boolean) },
		...ordered.map((aspect): SessionStep => ({ id: aspect.id, kind: 'aspect', aspect })),
		{ id: QUESTIONS_STEP, kind: 'questions', questions: (withFigures ? [recognise, oneThing] : [oneThing]).filter((q): q is string => Boolean(q)) },
		{ id: ACTIONS_STEP, kind: 'actions' }
	];
	return { withFigures, steps };
}

function figuresOf(report: Report, aspectId: string): AspectFigures {
	const aspect = report.aspects.find((a) => a.id === aspectId);
	const withheld = report.withheld.find((w) => w.measure === `aspect:${aspectId}` && w.group === null);
	if (withheld && withheld.shownFrom === null) return { shown: false, reason: 'hidden' };
	const mean = aspect?.employee.mean ?? null;
	if (!aspect || mean === null) return { shown: false, reason: withheld ? 'hidden' : 'tooFew' };
	return {
		shown: true,
		mean,
		favourable: aspect.employee.favourable,
		ownerMean: aspect.owner.mean,
		gap: aspect.gap,
		fromVersion: withheld?.shownFrom ?? null
	};
}

/** Strongest first; aspects without a figure keep the instrument's order, after the others. */
function appreciativeOrder(aspects: SessionAspect[]): SessionAspect[] {
	const mean = (a: SessionAspect) => (a.figures?.shown ? a.figures.mean : null);
	const withFigure = aspects.filter((a) => mean(a) !== null).sort((a, b) => (mean(b) ?? 0) - (mean(a) ?? 0));
	return [...withFigure, ...aspects.filter((a) => mean(a) === null)];
}

/** The step with this id and its neighbours, for the next/previous links; null for an unknown id. */
export function locateStep(plan: SessionPlan, stepId: string): { step: SessionStep; index: number; previous: string | null; next: string | null } | null {
	const index = plan.steps.findIndex((s) => s.id === stepId);
	const step = plan.steps[index];
	if (!step) return null;
	return { step, index, previous: plan.steps[index - 1]?.id ?? null, next: plan.steps[index + 1]?.id ?? null };
}
