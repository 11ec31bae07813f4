// Which actions a reminder mail is about, decided from plain rows and the day in the Netherlands. The daily job
// (server/actions/reminder-schedule.ts) asks these questions and records what it sent, so a mail goes out once.
import type { ACTION_STATUSES } from './action';

export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionForReminder {
	id: string;
	title: string;
	status: ActionStatus;
	/** YYYY-MM-DD or null. */
	dueOn: string | null;
	doneOn: string | null;
	assigneeUserId: string | null;
}

/**
 * A deadline mail goes out on the deadline day. When the server was down that day, it still goes out in the
 * days after, up to this many; an older deadline is left to the monthly summary (there it shows as overdue).
 */
export const DEADLINE_CATCH_UP_DAYS = 6;

/** An action still to be done: not klaar and not gestopt. */
export function isOpen(action: Pick<ActionForReminder, 'status'>): boolean {
	return action.status === 'niet-gestart' || action.status === 'bezig';
}

/** The open actions whose deadline is today (or was in the last few days, when no mail could go out then). */
export function deadlineMailsDue<T extends ActionForReminder>(actions: readonly T[], today: string): T[] {
	const earliest = addDays(today, -DEADLINE_CATCH_UP_DAYS);
	return actions.filter((a) => isOpen(a) && a.dueOn !== null && a.dueOn >= earliest && a.dueOn <= today);
}

/**
 * Summaries go out in the first week of a month: on the 1st, or on a later day of that week when no run could
 * send it then. A firm that starts its plan on the 15th gets its first summary next month, not that day.
 */
export function isSummaryWeek(today: string): boolean {
	return Number(today.slice(8, 10)) <= 7;
}

/** The month a summary belongs to (YYYY-MM): one summary per month, sent on the first run in that month. */
export function summaryMonth(today: string): string {
	return today.slice(0, 7);
}

export interface MonthlySummary<T extends ActionForReminder = ActionForReminder> {
	/** Marked klaar since the first day of last month. */
	done: T[];
	/** Open, with a deadline from today to the end of this month. */
	due: T[];
	/** Open, with a deadline before today. */
	overdue: T[];
}

export function monthlySummary<T extends ActionForReminder>(actions: readonly T[], today: string): MonthlySummary<T> {
	const lastMonthStart = summaryDoneSince(today);
	const nextMonthStart = firstOfMonth(summaryMonth(today), 1);
	const byDue = (a: T, b: T) => (a.dueOn ?? '').localeCompare(b.dueOn ?? '') || a.title.localeCompare(b.title, 'nl');
	return {
		done: actions
			.filter((a) => a.status === 'klaar' && a.doneOn !== null && a.doneOn >= lastMonthStart && a.doneOn <= today)
			.sort((a, b) => (a.doneOn ?? '').localeCompare(b.doneOn ?? '') || a.title.localeCompare(b.title, 'nl')),
		due: actions.filter((a) => isOpen(a) && a.dueOn !== null && a.dueOn >= today && a.dueOn < nextMonthStart).sort(byDue),
		overdue: actions.filter((a) => isOpen(a) && a.dueOn !== null && a.dueOn < today).sort(byDue)
	};
}

/** The first day the summary's "done" list counts from: the first day of last month. */
export function summaryDoneSince(today: string): string {
	return firstOfMonth(summaryMonth(today), -1);
}

/** A summary with nothing in it is not sent: a mail that says nothing teaches people to ignore the next one. */
export function summaryIsEmpty(summary: MonthlySummary): boolean {
	return summary.done.length === 0 && summary.due.length === 0 && summary.overdue.length === 0;
}

/** The day `days` after an ISO day, counted on the calendar. */
export function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

function firstOfMonth(month: string, offset: number): string {
	const [year, mon] = month.split('-').map(Number) as [number, number];
	const date = new Date(Date.UTC(year, mon - 1 + offset, 1));
	return date.toISOString().slice(0, 10);
}
