// The respondent's path through the questionnaire: one screen per aspect, the round's questions about finished
// actions (when it has any), then background, learning and the open questions. Pure functions over the instrument and the draft, so the flow is tested without pages.
import { backgroundCategories, itemsOfAspect, type Instrument } from '../../../domain/instrument';
import type { DraftAnswers } from './draft-store.schema';

export type StepKind = 'aspect' | 'followup' | 'background' | 'learning' | 'open';

/** The step of the questions about finished actions: not an aspect id, so it never clashes with one. */
export const FOLLOWUP_STEP = 'actions';

export interface SurveyStep {
	/** In the URL: the aspect id, or actions, background, learning, open. */
	id: string;
	kind: StepKind;
	/** Codebook variables asked on this screen, in order. */
	fields: readonly string[];
}

export function learningFields(instrument: Instrument): string[] {
	const l = instrument.learning;
	return [l.formal.id, l.nonFormal.id, l.informal.id, l.need.id, l.intention.id, l.barriers.id];
}

/**
 * The employee's screens. The team question is left out when the round has no team list; `followups` are the
 * variables of the round's questions about finished actions (domain/followup), asked right after the aspects.
 */
export function surveySteps(instrument: Instrument, teams: readonly string[], followups: readonly string[] = []): readonly SurveyStep[] {
	// Asked on every survey request, with the same few answers: kept per instrument and team list.
	const cache = stepsCache.get(instrument) ?? new Map<string, readonly SurveyStep[]>();
	stepsCache.set(instrument, cache);
	const key = `${teams.join('\u0000')}\u0001${followups.join('\u0000')}`;
	const cached = cache.get(key);
	if (cached) return cached;
	if (cache.size >= 500) cache.clear();
	const steps = Object.freeze(buildSurveySteps(instrument, teams, followups));
	cache.set(key, steps);
	return steps;
}

const stepsCache = new WeakMap<Instrument, Map<string, readonly SurveyStep[]>>();

function buildSurveySteps(instrument: Instrument, teams: readonly string[], followups: readonly string[]): SurveyStep[] {
	const steps: SurveyStep[] = instrument.aspects.map((aspect) => ({
		id: aspect.id,
		kind: 'aspect' as const,
		fields: itemsOfAspect(instrument, aspect.id).map((item) => item.id)
	}));
	if (followups.length > 0) steps.push({ id: FOLLOWUP_STEP, kind: 'followup', fields: [...followups] });
	const background = instrument.background
		.filter((question) => backgroundCategories(question, teams).length > 0)
		.map((question) => question.id);
	if (background.length > 0) steps.push({ id: 'background', kind: 'background', fields: background });
	steps.push({ id: 'learning', kind: 'learning', fields: learningFields(instrument) });
	if (instrument.open.length > 0) steps.push({ id: 'open', kind: 'open', fields: instrument.open.map((q) => q.id) });
	return steps;
}

export function findStep(steps: readonly SurveyStep[], id: string): SurveyStep | undefined {
	return steps.find((step) => step.id === id);
}

export interface StepPosition {
	/** 1-based, for "stap 2 van 9" */
	number: number;
	total: number;
	previous: SurveyStep | null;
	next: SurveyStep | null;
}

export function stepPosition(steps: readonly SurveyStep[], step: SurveyStep): StepPosition {
	const index = steps.findIndex((s) => s.id === step.id);
	return {
		number: index + 1,
		total: steps.length,
		previous: steps[index - 1] ?? null,
		next: steps[index + 1] ?? null
	};
}

/** The draft with this screen's answers replaced by the posted ones; a field left empty is removed. */
export function mergeStep(draft: DraftAnswers, step: SurveyStep, answers: DraftAnswers): DraftAnswers {
	const merged: DraftAnswers = {};
	for (const [key, value] of Object.entries(draft)) if (!step.fields.includes(key)) merged[key] = value;
	for (const field of step.fields) {
		const value = answers[field];
		if (value === undefined) continue;
		if (Array.isArray(value) ? value.length > 0 : value.trim() !== '') merged[field] = value;
	}
	return merged;
}

function answered(draft: DraftAnswers, field: string): boolean {
	const value = draft[field];
	return value !== undefined && (Array.isArray(value) ? value.length > 0 : value.trim() !== '');
}

export interface SkippedOnStep {
	step: SurveyStep;
	fields: string[];
}

/**
 * Questions not answered, per screen. Ticking no barrier is an answer of its own ("nothing stops me"),
 * so the barrier question is never listed as skipped.
 */
export function skippedQuestions(instrument: Instrument, steps: readonly SurveyStep[], draft: DraftAnswers): SkippedOnStep[] {
	const skipped: SkippedOnStep[] = [];
	for (const step of steps) {
		const fields = step.fields.filter((field) => field !== instrument.learning.barriers.id && !answered(draft, field));
		if (fields.length > 0) skipped.push({ step, fields });
	}
	return skipped;
}

/** Where to go on: the first screen with an open question, or null when everything has an answer. */
export function firstUnfinishedStep(instrument: Instrument, steps: readonly SurveyStep[], draft: DraftAnswers): SurveyStep | null {
	return skippedQuestions(instrument, steps, draft)[0]?.step ?? null;
}
