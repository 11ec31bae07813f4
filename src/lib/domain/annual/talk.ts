// A yearly progress talk (voortgangsgesprek) as the network's coordinator writes it down: the same six
// questions for every project or pilot, so the talks of a year can be read side by side in the annual report.
import { z } from 'zod';

export const TALK_STATUSES = ['draft', 'final'] as const;

/** The six parts of a talk, in the order they are asked and printed. */
export const TALK_PARTS = ['goals', 'done', 'results', 'lessons', 'nextYear', 'helpNeeded'] as const;
export type TalkPart = (typeof TALK_PARTS)[number];

/** A final talk goes into the annual report: it must at least say what the aim was, what was done and what came of it. */
export const PARTS_NEEDED_WHEN_FINAL: readonly TalkPart[] = ['goals', 'done', 'results'];

export const TALK_TEXT_MAX = 4000;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

const text = z.string().trim().max(TALK_TEXT_MAX);

export const yearSchema = z.coerce.number().int().min(FIRST_YEAR).max(LAST_YEAR);

export const talkSchema = z
	.object({
		year: yearSchema,
		project: z.string().trim().min(1).max(120),
		pilotSlug: z
			.string()
			.trim()
			.toLowerCase()
			.max(60)
			.regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/)
			.transform((v) => (v === '' ? null : v)),
		heldOn: z
			.string()
			.trim()
			.regex(/^(\d{4}-\d{2}-\d{2})?$/)
			.refine((v) => v === '' || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)))
			.transform((v) => (v === '' ? null : v)),
		participants: z.string().trim().max(300),
		goals: text,
		done: text,
		results: text,
		lessons: text,
		nextYear: text,
		helpNeeded: text,
		status: z.enum(TALK_STATUSES)
	})
	.superRefine((talk, ctx) => {
		if (talk.status !== 'final') return;
		for (const part of PARTS_NEEDED_WHEN_FINAL) {
			if (talk[part] === '') ctx.addIssue({ code: 'custom', path: [part], message: 'needed-when-final' });
		}
	});
export type Talk = z.infer<typeof talkSchema>;
