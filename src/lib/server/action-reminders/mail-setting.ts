// Each account chooses, per firm, which mails about the action plan it gets, and in which language.
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { actionMailSetting, type ACTION_MAIL_KINDS, type MAIL_LOCALES } from '../db/schema';

export interface MailSetting {
	deadlineMail: boolean;
	monthlyMail: boolean;
	locale: (typeof MAIL_LOCALES)[number];
}

/** Without a saved choice: both mails, in Dutch. */
export const DEFAULT_MAIL_SETTING: MailSetting = { deadlineMail: true, monthlyMail: true, locale: 'nl' };

export async function mailSettingOf(db: Database, userId: string, firmId: string, fallbackLocale: MailSetting['locale'] = 'nl'): Promise<MailSetting> {
	const [row] = await db
		.select({ deadlineMail: actionMailSetting.deadlineMail, monthlyMail: actionMailSetting.monthlyMail, locale: actionMailSetting.locale })
		.from(actionMailSetting)
		.where(and(eq(actionMailSetting.userId, userId), eq(actionMailSetting.firmId, firmId)));
	return row ?? { ...DEFAULT_MAIL_SETTING, locale: fallbackLocale };
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

/** Turns one kind of mail off, keeping the other and the language (the link in the mail). */
export async function stopMail(db: Database, userId: string, firmId: string, kind: (typeof ACTION_MAIL_KINDS)[number]): Promise<void> {
	const off = kind === 'deadline' ? { deadlineMail: false } : { monthlyMail: false };
	await db
		.insert(actionMailSetting)
		.values({ userId, firmId, ...DEFAULT_MAIL_SETTING, ...off })
		.onConflictDoUpdate({ target: [actionMailSetting.userId, actionMailSetting.firmId], set: { ...off, updatedAt: sql`now()` } });
}
