import { describe, expect, it } from 'vitest';
import { addDays, doneOnAfter, dueActions, groupByStatus, urgencyOf, type PlannedAction } from './action';

const today = '2026-05-10';
const action = (title: string, status: PlannedAction['status'], dueOn: string | null): PlannedAction => ({ title, status, dueOn });

describe('urgency of an action', () => {
	it('is overdue after the deadline, soon within two weeks, later after that', () => {
		expect(urgencyOf(action('a', 'bezig', '2026-05-09'), today)).toBe('overdue');
		expect(urgencyOf(action('a', 'niet-gestart', '2026-05-10'), today)).toBe('soon');
		expect(urgencyOf(action('a', 'bezig', '2026-05-24'), today)).toBe('soon');
		expect(urgencyOf(action('a', 'bezig', '2026-05-25'), today)).toBe('later');
	});

	it('is never pressing once done or stopped, or without a deadline', () => {
		expect(urgencyOf(action('a', 'klaar', '2026-01-01'), today)).toBe('none');
		expect(urgencyOf(action('a', 'gestopt', '2026-01-01'), today)).toBe('none');
		expect(urgencyOf(action('a', 'bezig', null), today)).toBe('none');
	});
});

describe('the plan in order', () => {
	it('puts work in progress first, then not started, done and stopped; earliest deadline first, none last', () => {
		const groups = groupByStatus([
			action('Gestopt', 'gestopt', null),
			action('Later', 'niet-gestart', '2026-09-01'),
			action('Geen datum', 'niet-gestart', null),
			action('Eerst', 'niet-gestart', '2026-05-01'),
			action('Bezig', 'bezig', '2026-06-01'),
			action('Klaar', 'klaar', '2026-04-01')
		]);
		expect(groups.map((g) => g.status)).toEqual(['bezig', 'niet-gestart', 'klaar', 'gestopt']);
		expect(groups[1]!.actions.map((a) => a.title)).toEqual(['Eerst', 'Later', 'Geen datum']);
	});

	it('shows on the overview only open actions that are late or due soon, most pressing first', () => {
		const due = dueActions(
			[action('Over een maand', 'bezig', '2026-06-20'), action('Volgende week', 'niet-gestart', '2026-05-17'), action('Te laat', 'bezig', '2026-05-01'), action('Klaar', 'klaar', '2026-05-01')],
			today
		);
		expect(due.map((a) => [a.title, a.urgency])).toEqual([
			['Te laat', 'overdue'],
			['Volgende week', 'soon']
		]);
	});
});

describe('the day an action was done', () => {
	it('is today when it becomes klaar, kept while it stays klaar, and cleared when it is reopened', () => {
		expect(doneOnAfter(null, 'klaar', today)).toBe(today);
		expect(doneOnAfter({ status: 'bezig', doneOn: null }, 'klaar', today)).toBe(today);
		expect(doneOnAfter({ status: 'klaar', doneOn: '2026-04-01' }, 'klaar', today)).toBe('2026-04-01');
		expect(doneOnAfter({ status: 'klaar', doneOn: '2026-04-01' }, 'bezig', today)).toBeNull();
	});

	it('counts days across month ends', () => {
		expect(addDays('2026-01-25', 14)).toBe('2026-02-08');
	});
});
