// The two reminder mails: on a deadline, and the monthly summary. Each says why the person gets it and carries a
// link to their settings and a link that stops that kind of mail without signing in.
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import type { MonthlySummary } from '../../domain/actions/reminders';
import { compose, type Block, type MailContent } from '../mail/templates';

interface Links {
	plan: string;
	settings: string;
	stop: string;
}

export function deadlineMail(input: {
	locale: Locale;
	firmName: string;
	action: { title: string; dueOn: string; assigneeName: string | null };
	today: string;
	/** Why this person gets it: as an owner, or as the person named for the action. */
	as: 'owner' | 'assignee';
	links: Links;
}): MailContent {
	const { locale, firmName, action } = input;
	const o = { locale };
	const date = formatDay(action.dueOn, locale);
	const intro =
		action.dueOn === input.today
			? m.reminders_mail_deadline_today({ date, title: action.title, firm: firmName }, o)
			: m.reminders_mail_deadline_passed({ date, title: action.title, firm: firmName }, o);
	const blocks: Block[] = [{ kind: 'p', text: intro }];
	if (action.assigneeName) blocks.push({ kind: 'p', text: m.reminders_mail_deadline_who({ who: action.assigneeName }, o) });
	blocks.push(
		{ kind: 'p', text: m.reminders_mail_deadline_next({}, o) },
		{ kind: 'link', url: input.links.plan, label: m.reminders_mail_plan_button({}, o) },
		...footer(locale, input.as, firmName, input.links, m.reminders_mail_stop_deadline_link({ firm: firmName }, o))
	);
	return compose(locale, m.reminders_mail_deadline_subject({ title: action.title }, o), blocks);
}

export function monthlyMail(input: {
	locale: Locale;
	firmName: string;
	today: string;
	summary: MonthlySummary;
	/** The first day the "done" list counts from. */
	doneSince: string;
	links: Links;
}): MailContent {
	const { locale, firmName, summary } = input;
	const o = { locale };
	const month = new Intl.DateTimeFormat(tag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${input.today}T00:00:00Z`));
	const blocks: Block[] = [{ kind: 'p', text: m.reminders_mail_monthly_intro({ firm: firmName, month }, o) }];
	const dueItem = (a: { title: string; dueOn: string | null }) => m.reminders_mail_item_due({ title: a.title, date: formatDay(a.dueOn ?? '', locale) }, o);
	if (summary.overdue.length > 0) blocks.push({ kind: 'p', text: m.reminders_mail_monthly_overdue({}, o) }, { kind: 'list', items: summary.overdue.map(dueItem) });
	if (summary.due.length > 0) blocks.push({ kind: 'p', text: m.reminders_mail_monthly_due({}, o) }, { kind: 'list', items: summary.due.map(dueItem) });
	if (summary.done.length > 0) {
		blocks.push(
			{ kind: 'p', text: m.reminders_mail_monthly_done({ date: formatDay(input.doneSince, locale) }, o) },
			{ kind: 'list', items: summary.done.map((a) => m.reminders_mail_item_done({ title: a.title, date: formatDay(a.doneOn ?? '', locale) }, o)) }
		);
	}
	blocks.push(
		{ kind: 'link', url: input.links.plan, label: m.reminders_mail_plan_button({}, o) },
		...footer(locale, 'owner', firmName, input.links, m.reminders_mail_stop_monthly_link({ firm: firmName }, o))
	);
	return compose(locale, m.reminders_mail_monthly_subject({ firm: firmName }, o), blocks);
}

function footer(locale: Locale, as: 'owner' | 'assignee', firmName: string, links: Links, stopLabel: string): Block[] {
	const o = { locale };
	return [
		{ kind: 'p', text: as === 'owner' ? m.reminders_mail_why_owner({ firm: firmName }, o) : m.reminders_mail_why_assignee({}, o) },
		{ kind: 'small-link', url: links.settings, label: m.reminders_mail_settings_link({}, o) },
		{ kind: 'small-link', url: links.stop, label: stopLabel }
	];
}

/** A calendar day as people write it ("1 december 2026"); the day is a date, not a moment, so no time zone moves it. */
export function formatDay(day: string, locale: Locale): string {
	return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

function tag(locale: Locale): string {
	return locale === 'en' ? 'en-GB' : 'nl-NL';
}
