// What the annual report's and the progress talks' pages share: the network (through requireNetwork, so a
// network out of reach is 404), the year from the address, and the talk form's values and errors.
import { error, type RequestEvent } from '@sveltejs/kit';
import { yearSchema, type Talk } from '../domain/annual/talk';
import type { TalkErrors } from '../server/annual/save-talk';
import type { TalkRecord } from '../server/annual/list-talks';
import { buildAnnualReport } from '../server/annual/build-annual-report';
import { dayOf } from '../server/clock';
import { uiLocale } from '../locale';
import { app } from './app';
import { requireNetwork } from './guards';
import * as m from '../paraglide/messages';

type NetworkEvent = Pick<RequestEvent, 'locals' | 'url'> & { params: Partial<Record<string, string>> };

export function currentYear(): number {
	return Number(dayOf().slice(0, 4));
}

/** The year in the address; anything else than a plausible year is 404. */
export function yearParam(event: NetworkEvent): number {
	const parsed = yearSchema.safeParse(event.params.year);
	if (!parsed.success || !/^\d{4}$/.test(event.params.year ?? '')) error(404, m.common_error_not_found());
	return parsed.data;
}

export async function annualReportForRequest(event: NetworkEvent) {
	const { network } = await requireNetwork(event);
	const year = yearParam(event);
	const doc = await buildAnnualReport(app().database.db, {
		network,
		year,
		locale: uiLocale(),
		threshold: app().config.LEERKOMPAS_THRESHOLD,
		today: dayOf()
	});
	return { network, year, doc };
}

export type TalkFormValues = Record<'year' | 'project' | 'pilotSlug' | 'heldOn' | 'participants' | 'goals' | 'done' | 'results' | 'lessons' | 'nextYear' | 'helpNeeded' | 'status', string>;

export function talkFormValues(form: FormData): TalkFormValues {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v.slice(0, 6000) : '';
	};
	return {
		year: text('year'),
		project: text('project'),
		pilotSlug: text('pilotSlug'),
		heldOn: text('heldOn'),
		participants: text('participants'),
		goals: text('goals'),
		done: text('done'),
		results: text('results'),
		lessons: text('lessons'),
		nextYear: text('nextYear'),
		helpNeeded: text('helpNeeded'),
		status: text('status') || 'draft'
	};
}

export function talkToFormValues(talk: TalkRecord): TalkFormValues {
	return {
		year: String(talk.year),
		project: talk.project,
		pilotSlug: talk.pilotSlug ?? '',
		heldOn: talk.heldOn ?? '',
		participants: talk.participants,
		goals: talk.goals,
		done: talk.done,
		results: talk.results,
		lessons: talk.lessons,
		nextYear: talk.nextYear,
		helpNeeded: talk.helpNeeded,
		status: talk.status
	};
}

export function emptyTalkForm(year: number): TalkFormValues {
	return { year: String(year), project: '', pilotSlug: '', heldOn: '', participants: '', goals: '', done: '', results: '', lessons: '', nextYear: '', helpNeeded: '', status: 'draft' };
}

const textFields = new Set<keyof Talk>(['goals', 'done', 'results', 'lessons', 'nextYear', 'helpNeeded']);

/** Each field's problem as a sentence. */
export function talkErrorMessages(errors: TalkErrors): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [field, code] of Object.entries(errors) as [keyof Talk, string][]) {
		if (code === 'needed-when-final') out[field] = m.annual_error_needed_when_final();
		else if (textFields.has(field)) out[field] = m.annual_error_text();
		else if (field === 'project') out[field] = m.annual_error_project();
		else if (field === 'pilotSlug') out[field] = m.annual_error_pilot();
		else if (field === 'year') out[field] = m.annual_error_year();
		else if (field === 'heldOn') out[field] = m.annual_error_held_on();
		else if (field === 'participants') out[field] = m.annual_error_participants();
		else out[field] = m.annual_error_status();
	}
	return out;
}
