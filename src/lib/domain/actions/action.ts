// An action the firm agreed on after its report: who does what by when. What is done is asked about in the
// next round (DESIGN.md, "After the report").

export const ACTION_STATUSES = ['niet-gestart', 'bezig', 'klaar', 'gestopt'] as const;

/** Where an action came from: a recommendation or knowledge-base entry, or the team's own idea. */
export const ACTION_ORIGINS = ['recommendation', 'kennisbank', 'free'] as const;

export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** An agreed session starts small: one to three actions, so the team can see each one through. */
export const MAX_SESSION_ACTIONS = 3;

/** A deadline this many days away or closer counts as "soon" on the overview and the plan. */
export const DUE_SOON_DAYS = 14;

/** What the plan and the overview need to order an action; ISO days (YYYY-MM-DD) compare as text. */
export interface PlannedAction {
	status: ActionStatus;
	dueOn: string | null;
	title: string;
}

export type Urgency = 'overdue' | 'soon' | 'later' | 'none';

/** How pressing an open action is on `today`; a finished or stopped action is never pressing. */
export function urgencyOf(action: Pick<PlannedAction, 'status' | 'dueOn'>, today: string): Urgency {
	if (action.status === 'klaar' || action.status === 'gestopt' || action.dueOn === null) return 'none';
	if (action.dueOn < today) return 'overdue';
	return action.dueOn <= addDays(today, DUE_SOON_DAYS) ? 'soon' : 'later';
}

/** The day `days` after an ISO day, in the calendar (no time zone can shift it). */
export function addDays(isoDay: string, days: number): string {
	const [year, month, day] = isoDay.split('-').map(Number);
	return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

/** The plan in the order people work through it: open work first, earliest deadline first; no deadline last. */
export const STATUS_ORDER: readonly ActionStatus[] = ['bezig', 'niet-gestart', 'klaar', 'gestopt'];

export function groupByStatus<T extends PlannedAction>(actions: readonly T[]): { status: ActionStatus; actions: T[] }[] {
	return STATUS_ORDER.map((status) => ({
		status,
		actions: actions.filter((a) => a.status === status).sort(byDeadline)
	})).filter((group) => group.actions.length > 0);
}

/** Open actions with a deadline that is past or soon, most pressing first: what the firm's overview shows. */
export function dueActions<T extends PlannedAction>(actions: readonly T[], today: string): (T & { urgency: 'overdue' | 'soon' })[] {
	const due: (T & { urgency: 'overdue' | 'soon' })[] = [];
	for (const action of actions) {
		const urgency = urgencyOf(action, today);
		if (urgency === 'overdue' || urgency === 'soon') due.push({ ...action, urgency });
	}
	return due.sort(byDeadline);
}

function byDeadline(a: PlannedAction, b: PlannedAction): number {
	if (a.dueOn !== b.dueOn) {
		if (a.dueOn === null) return 1;
		if (b.dueOn === null) return -1;
		return a.dueOn < b.dueOn ? -1 : 1;
	}
	return a.title.localeCompare(b.title, 'nl');
}

/** The day an action counts as done: kept when it was already klaar, today when it becomes klaar, else none. */
export function doneOnAfter(previous: { status: ActionStatus; doneOn: string | null } | null, next: ActionStatus, today: string): string | null {
	if (next !== 'klaar') return null;
	return previous?.status === 'klaar' && previous.doneOn ? previous.doneOn : today;
}
