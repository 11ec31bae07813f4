// The rules for a new scan round, free of database code so the web form, the CLI, the import and the
// tests check input the same way. Each problem is a stable code per field; the caller turns it into text.
import { z } from 'zod';
import { MAX_FOLLOWUPS } from '../../../domain/followup/followup';

export const ROUND_NAME_MAX_LENGTH = 100;
export const MAX_INVITED = 1000;
/** More invitations than ten times the staff is a typing error, not a plan. */
export const INVITED_PER_EMPLOYEE = 10;
export const MAX_TEAMS = 20;
export const TEAM_NAME_MAX_LENGTH = 40;
export const MAX_CARDS = 500;
/** Three weeks: long enough for people on leave or on night shifts, short enough to keep momentum. */
export const DEFAULT_ROUND_DAYS = 21;

export const CREATE_ROUND_FIELDS = ['name', 'opensOn', 'closesOn', 'invited', 'teams', 'inviteMode', 'cards', 'openAnswersVerbatim', 'followups'] as const;
export type CreateRoundField = (typeof CREATE_ROUND_FIELDS)[number];

export const CREATE_ROUND_ERROR_CODES = [
	'required',
	'too_long',
	'invalid_date',
	'closes_before_opens',
	'not_integer',
	'too_few',
	'too_many',
	'more_than_staff',
	'more_than_invited',
	'too_many_teams',
	'team_too_long',
	'taken',
	'invalid'
] as const;
export type CreateRoundErrorCode = (typeof CREATE_ROUND_ERROR_CODES)[number];
export type CreateRoundErrors = Partial<Record<CreateRoundField, CreateRoundErrorCode>>;

/** What callers may pass: form text or typed values. Left out: today, three weeks, the firm's staff, no cards. */
export interface CreateRoundInput {
	name: string;
	opensOn?: string | null;
	closesOn?: string | null;
	invited?: number | string | null;
	/** A list, or text with one team per line (commas and semicolons also separate). */
	teams?: readonly string[] | string | null;
	/** The owner's choice on the web form; without it, asking for cards means inviting with cards. */
	inviteMode?: string | null;
	cards?: number | string | null;
	/** A checkbox posts "on"; the CLI passes a boolean. */
	openAnswersVerbatim?: boolean | string | null;
	/**
	 * Ids of finished actions to ask the team about (domain/followup): the ticked checkboxes, or text with ids
	 * separated by commas or spaces. Whether each is the firm's, finished and not asked before, createRound checks.
	 */
	followups?: readonly string[] | string | null;
}

export interface CreateRoundContext {
	/** The firm's number of employees, which bounds the number invited. */
	employees: number;
	/** YYYY-MM-DD: the default opening day. */
	today: string;
}

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);

// Text that is not plainly a whole number becomes NaN, so "12a" or "" is reported rather than read as 0.
const toNumber = (v: unknown) => {
	const blank = blankToUndefined(v);
	if (typeof blank !== 'string') return blank;
	const s = blank.trim();
	return /^[+-]?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
};

const toTeamList = (v: unknown) => {
	const blank = blankToUndefined(v);
	if (blank === undefined) return [];
	const parts = typeof blank === 'string' ? blank.split(/[\r\n,;]+/) : Array.isArray(blank) ? blank : null;
	if (parts === null) return blank;
	const seen = new Set<string>();
	const teams: string[] = [];
	for (const part of parts) {
		if (typeof part !== 'string') return blank;
		const team = part.trim().replace(/\s+/g, ' ');
		// The same team typed twice is one team; capitals do not make a second one.
		if (team === '' || seen.has(team.toLocaleLowerCase('nl'))) continue;
		seen.add(team.toLocaleLowerCase('nl'));
		teams.push(team);
	}
	return teams;
};

const toIdList = (v: unknown) => {
	const blank = blankToUndefined(v);
	if (blank === undefined) return [];
	const parts = typeof blank === 'string' ? blank.split(/[\s,;]+/) : Array.isArray(blank) ? blank : null;
	if (parts === null) return blank;
	const ids = parts.map((p) => (typeof p === 'string' ? p.trim().toLowerCase() : p)).filter((p) => p !== '');
	return [...new Set(ids)];
};

const toBoolean = (v: unknown) => {
	if (typeof v === 'boolean') return v;
	if (v === undefined || v === null) return false;
	if (typeof v === 'string') return ['on', 'true', 'yes', 'ja', '1'].includes(v.trim().toLowerCase());
	return v;
};

/** A real calendar day written YYYY-MM-DD (what an <input type="date"> posts). */
export function isIsoDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day `days` after an ISO day, counted on the calendar (no clock, no time zone). */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const isoDay = z.string({ error: 'invalid_date' }).trim().refine(isIsoDay, { error: 'invalid_date' });

const wholeNumber = (min: number, max: number) =>
	z
		.number({ error: 'not_integer' })
		.int({ error: 'not_integer' })
		.min(min, { error: 'too_few' })
		.max(max, { error: 'too_many' });

/** Each field on its own; the rules between fields are in crossFieldProblems. */
function fieldSchemas() {
	return {
		name: z
			.string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'invalid') })
			.trim()
			.min(1, { error: 'required' })
			.max(ROUND_NAME_MAX_LENGTH, { error: 'too_long' }),
		opensOn: z.preprocess(blankToUndefined, isoDay.optional()),
		closesOn: z.preprocess(blankToUndefined, isoDay.optional()),
		invited: z.preprocess(toNumber, wholeNumber(1, MAX_INVITED).optional()),
		teams: z.preprocess(
			toTeamList,
			z
				.array(z.string().max(TEAM_NAME_MAX_LENGTH, { error: 'team_too_long' }), { error: 'invalid' })
				.max(MAX_TEAMS, { error: 'too_many_teams' })
		),
		inviteMode: z.preprocess(blankToUndefined, z.enum(['link', 'cards'], { error: 'invalid' }).optional()),
		cards: z.preprocess(toNumber, wholeNumber(0, MAX_CARDS).optional()),
		openAnswersVerbatim: z.preprocess(toBoolean, z.boolean({ error: 'invalid' })),
		followups: z.preprocess(toIdList, z.array(z.uuid({ error: 'invalid' }), { error: 'invalid' }).max(MAX_FOLLOWUPS, { error: 'too_many' }))
	};
}

interface CrossFieldValues {
	opensOn?: string;
	closesOn?: string;
	invited?: number;
	inviteMode?: 'link' | 'cards';
	cards?: number;
}

function crossFieldProblems(values: CrossFieldValues, context: CreateRoundContext): [CreateRoundField, CreateRoundErrorCode][] {
	const problems: [CreateRoundField, CreateRoundErrorCode][] = [];
	if (values.closesOn !== undefined && values.closesOn < (values.opensOn ?? context.today)) problems.push(['closesOn', 'closes_before_opens']);
	if (values.invited !== undefined && values.invited > context.employees * INVITED_PER_EMPLOYEE) problems.push(['invited', 'more_than_staff']);
	if (values.inviteMode === 'cards' && (values.cards ?? 0) < 1) problems.push(['cards', 'too_few']);
	// Every card is an invitation: more cards than people invited would make a response rate above 100%.
	if (values.inviteMode !== 'link' && values.invited !== undefined && (values.cards ?? 0) > values.invited) problems.push(['cards', 'more_than_invited']);
	return problems;
}

export function createRoundSchema(context: CreateRoundContext) {
	const defaultInvited = Math.min(MAX_INVITED, Math.max(1, context.employees));
	return z
		.object(fieldSchemas())
		.superRefine((input, ctx) => {
			for (const [field, code] of crossFieldProblems(input, context)) {
				ctx.addIssue({ code: 'custom', path: [field], message: code, params: { crossField: true } });
			}
		})
		.transform((input) => {
			const opensOn = input.opensOn ?? context.today;
			// Choosing the link ignores a number of cards typed before changing one's mind.
			const cards = input.inviteMode === 'link' ? 0 : (input.cards ?? 0);
			return {
				name: input.name,
				opensOn,
				closesOn: input.closesOn ?? addDays(opensOn, DEFAULT_ROUND_DAYS),
				// Left out on a card round, the number invited is the number of cards handed out.
				invited: input.invited ?? (cards > 0 ? cards : defaultInvited),
				teams: input.teams,
				inviteMode: input.inviteMode ?? (cards > 0 ? ('cards' as const) : ('link' as const)),
				cards,
				openAnswersVerbatim: input.openAnswersVerbatim,
				followups: input.followups
			};
		});
}

export type CreateRoundData = z.output<ReturnType<typeof createRoundSchema>>;

export type ParsedCreateRoundInput = { ok: true; data: CreateRoundData } | { ok: false; errors: CreateRoundErrors };

export function parseCreateRoundInput(input: unknown, context: CreateRoundContext): ParsedCreateRoundInput {
	const parsed = createRoundSchema(context).safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: CreateRoundErrors = {};
	for (const issue of parsed.error.issues) {
		// Rules between fields may have run on values that failed on their own; they are redone below.
		if (issue.code === 'custom' && issue.params?.crossField) continue;
		const field = CREATE_ROUND_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue; // the first problem per field is the one to fix first
		errors[field] = CREATE_ROUND_ERROR_CODES.find((c) => c === issue.message) ?? 'invalid';
	}
	// A field error stops zod before the rules between fields; check those over the fields that are fine,
	// so that one post lists everything there is to fix.
	const raw: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
	const fields = fieldSchemas();
	const valid = <T>(field: CreateRoundField, schema: z.ZodType<T>): T | undefined => {
		if (errors[field]) return undefined;
		const result = schema.safeParse(raw[field]);
		return result.success ? result.data : undefined;
	};
	const values: CrossFieldValues = {
		opensOn: valid('opensOn', fields.opensOn),
		closesOn: errors.opensOn ? undefined : valid('closesOn', fields.closesOn),
		invited: valid('invited', fields.invited),
		inviteMode: valid('inviteMode', fields.inviteMode),
		cards: errors.cards ? 0 : valid('cards', fields.cards)
	};
	for (const [field, code] of crossFieldProblems(values, context)) errors[field] ??= code;
	return { ok: false, errors };
}
