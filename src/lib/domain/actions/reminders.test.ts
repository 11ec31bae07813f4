import { describe, expect, it } from 'vitest';
import { deadlineMailsDue, isSummaryWeek, monthlySummary, summaryIsEmpty, summaryMonth, type ActionForReminder } from './reminders';

const action = (over: Partial<ActionForReminder> & { id: string }): ActionForReminder => ({
	title: `Actie ${over.id}`,
	status: 'bezig',
	dueOn: null,
	doneOn: null,
	assigneeUserId: null,
	...over
});

describe('deadline mails', () => {
	it('are due for open actions with a deadline today or in the last six days, never earlier or later', () => {
		const actions = [
			action({ id: 'today', dueOn: '2026-12-01' }),
			action({ id: 'six-ago', dueOn: '2026-11-25' }),
			action({ id: 'seven-ago', dueOn: '2026-11-24' }),
			action({ id: 'tomorrow', dueOn: '2026-12-02' }),
			action({ id: 'no-deadline' }),
			action({ id: 'done', dueOn: '2026-12-01', status: 'klaar', doneOn: '2026-11-30' }),
			action({ id: 'stopped', dueOn: '2026-12-01', status: 'gestopt' }),
			action({ id: 'not-started', dueOn: '2026-12-01', status: 'niet-gestart' })
		];
		expect(deadlineMailsDue(actions, '2026-12-01').map((a) => a.id)).toEqual(['today', 'six-ago', 'not-started']);
	});

	it('count across a year end', () => {
		expect(deadlineMailsDue([action({ id: 'a', dueOn: '2026-12-28' })], '2027-01-02').map((a) => a.id)).toEqual(['a']);
	});
});

describe('the monthly summary', () => {
	const today = '2026-12-01';
	const actions = [
		action({ id: 'done-last-month', status: 'klaar', doneOn: '2026-11-03', dueOn: '2026-11-30' }),
		action({ id: 'done-long-ago', status: 'klaar', doneOn: '2026-10-31' }),
		action({ id: 'due-today', dueOn: '2026-12-01' }),
		action({ id: 'due-end-of-month', dueOn: '2026-12-31' }),
		action({ id: 'due-next-month', dueOn: '2027-01-01' }),
		action({ id: 'overdue', dueOn: '2026-11-30', status: 'niet-gestart' }),
		action({ id: 'stopped-overdue', dueOn: '2026-11-01', status: 'gestopt' })
	];

	it('lists what was done since the start of last month, what is due this month and what is overdue', () => {
		const summary = monthlySummary(actions, today);
		expect(summary.done.map((a) => a.id)).toEqual(['done-last-month']);
		expect(summary.due.map((a) => a.id)).toEqual(['due-today', 'due-end-of-month']);
		expect(summary.overdue.map((a) => a.id)).toEqual(['overdue']);
		expect(summaryIsEmpty(summary)).toBe(false);
	});

	it('belongs to the month of the day it is made, in January counting back into December', () => {
		expect(summaryMonth('2027-01-15')).toBe('2027-01');
		const summary = monthlySummary([action({ id: 'd', status: 'klaar', doneOn: '2026-12-02' })], '2027-01-15');
		expect(summary.done.map((a) => a.id)).toEqual(['d']);
	});

	it('goes out in the first seven days of a month only', () => {
		expect(['2026-12-01', '2026-12-07'].map(isSummaryWeek)).toEqual([true, true]);
		expect(['2026-12-08', '2026-12-31'].map(isSummaryWeek)).toEqual([false, false]);
	});

	it('is empty when nothing was done lately and nothing is open with a deadline', () => {
		expect(summaryIsEmpty(monthlySummary([action({ id: 'x' }), action({ id: 'y', status: 'gestopt', dueOn: '2026-11-01' })], today))).toBe(true);
	});
});
