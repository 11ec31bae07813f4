// One run of the reminders: deadline mails for today (and the last few days, when no run could send them), and in
// the first week of a month the monthly summary to each owner. Each mail is claimed in action_mail_sent before it
// goes out; a second run, a restart or a second app server finds the claim and sends nothing. A mail that fails is
// unclaimed again, so the next run tries it once more.
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { actionMailSent, actionMailSetting, firm, firmAction, firmMember, user, type AccountLocale } from '../db/schema';
import type { Mailer } from '../mail/mailer';
import type { MailContent } from '../mail/templates';
import {
	addDays,
	DEADLINE_CATCH_UP_DAYS,
	deadlineMailsDue,
	isSummaryWeek,
	monthlySummary,
	summaryDoneSince,
	summaryIsEmpty,
	summaryMonth
} from '../../domain/actions/reminders';
import { deadlineMail, monthlyMail } from './reminder-mails';
import { DEFAULT_MAIL_SETTING, type MailSetting } from './mail-setting';
import { stopToken } from './stop-token';

export interface ReminderRun {
	today: string;
	mailer: Mailer;
	/** The public address of the app, for the links in the mails. */
	origin: string;
	/** Signs the stop links (stop-token.ts). */
	stopSecret: string;
	log?: (message: string) => void;
}

export interface ReminderResult {
	deadlineMails: number;
	monthlyMails: number;
	failed: number;
}

type Kind = 'deadline' | 'monthly';

interface Recipient {
	userId: string;
	email: string;
	/** The account's language: these mails go out without a request to take it from. */
	locale: AccountLocale;
	setting: MailSetting;
}

export async function sendReminders(db: Database, run: ReminderRun): Promise<ReminderResult> {
	const result: ReminderResult = { deadlineMails: 0, monthlyMails: 0, failed: 0 };
	await sendDeadlineMails(db, run, result);
	if (isSummaryWeek(run.today)) await sendMonthlySummaries(db, run, result);
	return result;
}

async function sendDeadlineMails(db: Database, run: ReminderRun, result: ReminderResult) {
	const rows = await db
		.select({ action: firmAction, firmName: firm.name, firmSlug: firm.slug })
		.from(firmAction)
		.innerJoin(firm, eq(firm.id, firmAction.firmId))
		.where(
			and(
				inArray(firmAction.status, ['niet-gestart', 'bezig']),
				gte(firmAction.dueOn, addDays(run.today, -DEADLINE_CATCH_UP_DAYS)),
				lte(firmAction.dueOn, run.today)
			)
		);
	const due = deadlineMailsDue(
		rows.map((r) => ({ ...r.action, row: r })),
		run.today
	);
	if (due.length === 0) return;
	// Hourly runs see the same deadlines for a week: one query each for the people and for what went out already.
	const firmIds = [...new Set(due.map((a) => a.firmId))];
	const members = await recipientRows(db, inArray(firmMember.firmId, firmIds));
	const sent = await db
		.select({ about: actionMailSent.about, userId: actionMailSent.userId })
		.from(actionMailSent)
		.where(and(eq(actionMailSent.kind, 'deadline'), inArray(actionMailSent.firmId, firmIds)));
	const done = new Set(sent.map((r) => `${r.about} ${r.userId}`));
	for (const action of due) {
		const { firmName, firmSlug } = action.row;
		const about = `${action.id}:${action.dueOn}`;
		const ofFirm = members.filter((p) => p.firmId === action.firmId);
		// Owners first, so an owner who is also the one named gets one mail, as owner. Someone named who is no
		// longer a member of the firm gets nothing.
		const people = [
			...ofFirm.filter((p) => p.role === 'owner').map((p) => ({ ...p, as: 'owner' as const })),
			...ofFirm.filter((p) => p.role !== 'owner' && p.userId === action.assigneeUserId).map((p) => ({ ...p, as: 'assignee' as const }))
		];
		for (const person of people) {
			if (!person.setting.deadlineMail || done.has(`${about} ${person.userId}`)) continue;
			const outcome = await sendOnce(db, run, { kind: 'deadline', about, firmId: action.firmId, person }, () =>
				deadlineMail({
					locale: person.locale,
					firmName,
					action: { title: action.title, dueOn: action.dueOn!, assigneeName: action.assigneeName },
					today: run.today,
					as: person.as,
					links: links(run, firmSlug, action.firmId, person.userId, 'deadline')
				})
			);
			if (outcome === 'sent') result.deadlineMails++;
			if (outcome === 'failed') result.failed++;
		}
	}
}

async function sendMonthlySummaries(db: Database, run: ReminderRun, result: ReminderResult) {
	const month = summaryMonth(run.today);
	const doneSince = summaryDoneSince(run.today);
	// The run repeats every hour of the first week: three queries find that there is nothing left to send.
	const sent = await db
		.select({ firmId: actionMailSent.firmId, userId: actionMailSent.userId })
		.from(actionMailSent)
		.where(and(eq(actionMailSent.kind, 'monthly'), eq(actionMailSent.about, month)));
	const done = new Set(sent.map((r) => `${r.firmId} ${r.userId}`));
	const owners = (await recipientRows(db, and(eq(firmMember.role, 'owner'), inArray(firmMember.firmId, db.selectDistinct({ id: firmAction.firmId }).from(firmAction)))))
		.filter((o) => o.setting.monthlyMail && !done.has(`${o.firmId} ${o.userId}`));
	if (owners.length === 0) return;
	const firmIds = [...new Set(owners.map((o) => o.firmId))];
	const firms = await db.select({ id: firm.id, name: firm.name, slug: firm.slug }).from(firm).where(inArray(firm.id, firmIds));
	const actions = await db.select().from(firmAction).where(inArray(firmAction.firmId, firmIds));
	for (const f of firms) {
		const summary = monthlySummary(
			actions.filter((a) => a.firmId === f.id),
			run.today
		);
		if (summaryIsEmpty(summary)) continue;
		for (const person of owners.filter((o) => o.firmId === f.id)) {
			const outcome = await sendOnce(db, run, { kind: 'monthly', about: month, firmId: f.id, person }, () =>
				monthlyMail({
					locale: person.locale,
					firmName: f.name,
					today: run.today,
					summary,
					doneSince,
					links: links(run, f.slug, f.id, person.userId, 'monthly')
				})
			);
			if (outcome === 'sent') result.monthlyMails++;
			if (outcome === 'failed') result.failed++;
		}
	}
}

/** Members of firms with their choices for these mails (the defaults when they never chose). */
async function recipientRows(db: Database, where: SQL | undefined): Promise<(Recipient & { firmId: string; role: string })[]> {
	const rows = await db
		.select({ firmId: firmMember.firmId, role: firmMember.role, userId: user.id, email: user.email, locale: user.locale, setting: actionMailSetting })
		.from(firmMember)
		.innerJoin(user, eq(user.id, firmMember.userId))
		.leftJoin(actionMailSetting, and(eq(actionMailSetting.userId, user.id), eq(actionMailSetting.firmId, firmMember.firmId)))
		.where(where);
	return rows.map((r) => ({
		firmId: r.firmId,
		role: r.role,
		userId: r.userId,
		email: r.email,
		locale: r.locale,
		setting: r.setting ? { deadlineMail: r.setting.deadlineMail, monthlyMail: r.setting.monthlyMail } : DEFAULT_MAIL_SETTING
	}));
}

async function sendOnce(
	db: Database,
	run: ReminderRun,
	claim: { kind: Kind; about: string; firmId: string; person: Recipient },
	content: () => MailContent
): Promise<'sent' | 'already' | 'failed'> {
	const key = { kind: claim.kind, about: claim.about, firmId: claim.firmId, userId: claim.person.userId };
	const claimed = await db.insert(actionMailSent).values(key).onConflictDoNothing().returning({ kind: actionMailSent.kind });
	if (claimed.length === 0) return 'already';
	try {
		await run.mailer.send({ to: claim.person.email, ...content() });
		return 'sent';
	} catch (e) {
		await db
			.delete(actionMailSent)
			.where(
				and(
					eq(actionMailSent.kind, key.kind),
					eq(actionMailSent.about, key.about),
					eq(actionMailSent.firmId, key.firmId),
					eq(actionMailSent.userId, key.userId)
				)
			);
		(run.log ?? console.log)(`Reminder mail (${claim.kind}) could not be sent; the next run tries again: ${e instanceof Error ? e.message : String(e)}`);
		return 'failed';
	}
}

function links(run: ReminderRun, slug: string, firmId: string, userId: string, kind: Kind) {
	const firmUrl = `${run.origin}/firms/${encodeURIComponent(slug)}`;
	return {
		plan: `${firmUrl}/actions`,
		settings: `${firmUrl}/reminders`,
		stop: `${run.origin}/reminders/stop/${stopToken(run.stopSecret, { userId, firmId, kind })}`
	};
}
