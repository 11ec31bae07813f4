// A worker's development plan (ontwikkelplan), after the usual Dutch POP and ontwikkelgesprek: where I stand
// now (what goes well, what I am proud of), then per goal what I want to learn and why, how (on the job,
// from a colleague, a course, a menukaart offer, on my own), what support I need, by when, and how I will
// know. The plan belongs to the worker; sharing is per section, so these are also the units a worker shares.
import { z } from 'zod';

/** The parts a worker can share one by one: where I stand; what and why; how and support; by when and how I will know. */
export const PLAN_SECTIONS = ['situation', 'what', 'how', 'when'] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

export const LEARN_WAYS = ['onTheJob', 'colleague', 'course', 'offer', 'onMyOwn'] as const;
export type LearnWay = (typeof LEARN_WAYS)[number];

export const MAX_GOALS = 5;
export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (s: string) => ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const text = (max: number) => z.string({ error: 'invalid' }).trim().max(max, { error: 'too_long' });

export const planGoalSchema = z.object({
	what: text(TEXT_MAX).min(1, { error: 'required' }),
	why: text(TEXT_MAX),
	ways: z.array(z.enum(LEARN_WAYS, { error: 'invalid' })).max(LEARN_WAYS.length),
	howDetail: text(TEXT_MAX),
	/** A menukaart offer the worker wants to follow (its id), if any. */
	offerId: z.uuid({ error: 'invalid' }).nullable(),
	support: text(TEXT_MAX),
	byWhen: z.string().refine((s) => s === '' || isDay(s), { error: 'invalid_date' }),
	evidence: text(TEXT_MAX)
});
export type PlanGoal = z.infer<typeof planGoalSchema>;

export const planContentSchema = z.object({
	title: text(TITLE_MAX).min(1, { error: 'required' }),
	situation: text(TEXT_MAX),
	goals: z.array(planGoalSchema).min(1, { error: 'no_goal' }).max(MAX_GOALS, { error: 'too_many' })
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const PLAN_ERROR_CODES = ['required', 'too_long', 'invalid', 'invalid_date', 'no_goal', 'too_many'] as const;
export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];
/** Field names as the form names them: `title`, `situation`, `goals`, `goal0.what`, `goal2.byWhen`, ... */
export type PlanErrors = Record<string, PlanErrorCode>;

const GOAL_FIELDS = ['what', 'why', 'howDetail', 'offerId', 'support', 'byWhen', 'evidence'] as const;

/** An empty goal, as the form shows it for a new one. */
export function emptyGoal(): PlanGoal {
	return { what: '', why: '', ways: [], howDetail: '', offerId: null, support: '', byWhen: '', evidence: '' };
}

/**
 * A posted plan form (field name to its values) as plan content. Goal slots are named goal0.what, goal0.ways
 * and so on; a slot with nothing filled in is left out, so the form can always offer one empty goal.
 */
export function planContentFromForm(posted: Record<string, string[]>): { ok: true; content: PlanContent } | { ok: false; errors: PlanErrors } {
	const one = (name: string) => posted[name]?.[0] ?? '';
	const goals: unknown[] = [];
	const slots: number[] = [];
	for (let i = 0; i < MAX_GOALS + 1; i++) {
		const fields = Object.fromEntries(GOAL_FIELDS.map((f) => [f, one(`goal${i}.${f}`).trim()]));
		const ways = (posted[`goal${i}.ways`] ?? []).filter((w) => w !== '');
		const filled = ways.length > 0 || GOAL_FIELDS.some((f) => fields[f] !== '');
		if (!filled) continue;
		slots.push(i);
		goals.push({ ...fields, offerId: fields.offerId || null, ways: [...new Set(ways)] });
	}
	const parsed = planContentSchema.safeParse({ title: one('title'), situation: one('situation'), goals });
	if (parsed.success) return { ok: true, content: parsed.data };
	const errors: PlanErrors = {};
	for (const issue of parsed.error.issues) {
		const [first, index, field] = issue.path;
		const name = first === 'goals' && typeof index === 'number' && field !== undefined ? `goal${slots[index] ?? index}.${String(field)}` : String(first ?? 'title');
		const code = PLAN_ERROR_CODES.find((c) => c === issue.message) ?? 'invalid';
		errors[name] ??= code;
	}
	return { ok: false, errors };
}

/** The plan as form fields again, for the edit form (and the pre-filled form from a self-scan). */
export function planAsValues(content: PlanContent): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = { title: content.title, situation: content.situation };
	content.goals.forEach((goal, i) => {
		for (const f of GOAL_FIELDS) values[`goal${i}.${f}`] = goal[f] ?? '';
		values[`goal${i}.ways`] = goal.ways;
	});
	return values;
}

/** What someone the plan is shared with sees: only the chosen sections; the rest is not sent at all. */
export interface SharedPlan {
	title: string;
	sections: PlanSection[];
	situation: string | null;
	goals: Array<{
		what: string | null;
		why: string | null;
		ways: LearnWay[] | null;
		howDetail: string | null;
		offerId: string | null;
		support: string | null;
		byWhen: string | null;
		evidence: string | null;
	}>;
}

export function sharedPart(content: PlanContent, sections: readonly PlanSection[]): SharedPlan {
	const has = (s: PlanSection) => sections.includes(s);
	return {
		title: content.title,
		sections: PLAN_SECTIONS.filter(has),
		situation: has('situation') ? content.situation : null,
		goals:
			has('what') || has('how') || has('when')
				? content.goals.map((g) => ({
						what: has('what') ? g.what : null,
						why: has('what') ? g.why : null,
						ways: has('how') ? g.ways : null,
						howDetail: has('how') ? g.howDetail : null,
						offerId: has('how') ? g.offerId : null,
						support: has('how') ? g.support : null,
						byWhen: has('when') ? g.byWhen : null,
						evidence: has('when') ? g.evidence : null
					}))
				: []
	};
}

/** Checked section names from a form; unknown names are ignored. */
export function sectionsFromForm(values: readonly string[]): PlanSection[] {
	return PLAN_SECTIONS.filter((s) => values.includes(s));
}
