// Each account chooses, per firm, which mails about the action plan it gets. The language is not chosen per
// firm: the mails come in the account's language (user.locale, see auth/account-language.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { actionMailSetting, type ACTION_MAIL_KINDS } from '../db/schema';

export interface MailSetting {
	deadlineMail: boolean;
	monthlyMail: boolean;
}

/** Without a saved choice: both mails. */
export const DEFAULT_MAIL_SETTING: MailSetting = { deadlineMail: true, monthlyMail: true };

export async function mailSettingOf(db: Database, userId: string, firmId: string): Promise<MailSetting> {
	const [row] = await db
		.select({ deadlineMail: actionMailSetting.deadlineMail, monthlyMail: actionMailSetting.monthlyMail })
		.from(actionMailSetting)
		.where(and(eq(actionMailSetting.userId, userId), eq(actionMailSetting.firmId, firmId)));
	return row ?? DEFAULT_MAIL_SETTING;
}

export async function saveMailSetting(db: Database, userId: string, firmId: string, setting: MailSetting): Promise<void> {
	await db
		.insert(actionMailSetting)
		.values({ userId, firmId, ...setting })
		.onConflictDoUpdate({
			target: [actionMailSetting.userId, actionMailSetting.firmId],
			set: { ...setting, updatedAt: sql`now()` }
		});
}

/** Turns one kind of mail off, keeping the other (the link in the mail). */
export async function stopMail(db: Database, userId: string, firmId: string, kind: (typeof ACTION_MAIL_KINDS)[number]): Promise<void> {
	const off = kind === 'deadline' ? { deadlineMail: false } : { monthlyMail: false };
	await db
		.insert(actionMailSetting)
		.values({ userId, firmId, ...DEFAULT_MAIL_SETTING, ...off })
		.onConflictDoUpdate({ target: [actionMailSetting.userId, actionMailSetting.firmId], set: { ...off, updatedAt: sql`now()` } });
}
