// The plan as the pages show it: grouped by status, open work first, what is late or due soon marked;
// and the few lines the firm's overview shows about what is due.
import { dueActions, groupByStatus, urgencyOf, type ActionStatus, type Urgency } from '../../domain/actions/action';
import type { AppLocale } from '../../domain/instrument';
import type { Database } from '../db/client';
import { formatDay } from '../scan/rounds/format-day';
import { aspectOptions } from './form-options';
import { listActions, type ListedAction } from './list-actions';

export interface ShownAction {
	id: string;
	title: string;
	status: ActionStatus;
	urgency: Urgency;
	assigneeName: string | null;
	aspect: string | null;
	dueOn: string | null;
	doneOn: string | null;
	notes: number;
}

function shown(action: ListedAction, today: string, locale: AppLocale, aspects: Map<string, string>): ShownAction {
	return {
		id: action.id,
		title: action.title,
		status: action.status,
		urgency: urgencyOf(action, today),
		assigneeName: action.assigneeName,
		aspect: action.aspectId ? (aspects.get(action.aspectId) ?? null) : null,
		dueOn: action.dueOn ? formatDay(action.dueOn, locale) : null,
		doneOn: action.doneOn ? formatDay(action.doneOn, locale) : null,
		notes: action.notes
	};
}

export async function planView(db: Database, firmId: string, today: string, locale: AppLocale): Promise<{ status: ActionStatus; actions: ShownAction[] }[]> {
	const aspects = new Map(aspectOptions(locale).map((a) => [a.id, a.label]));
	return groupByStatus(await listActions(db, firmId)).map((g) => ({ status: g.status, actions: g.actions.map((a) => shown(a, today, locale, aspects)) }));
}

/** For the firm's overview: the open actions, and those late or due within two weeks, most pressing first. */
export async function dueSummary(db: Database, firmId: string, today: string, locale: AppLocale): Promise<{ total: number; open: number; due: ShownAction[] }> {
	const actions = await listActions(db, firmId);
	const aspects = new Map(aspectOptions(locale).map((a) => [a.id, a.label]));
	return {
		total: actions.length,
		open: actions.filter((a) => a.status === 'niet-gestart' || a.status === 'bezig').length,
		due: dueActions(actions, today).slice(0, 5).map((a) => shown(a, today, locale, aspects))
	};
}
