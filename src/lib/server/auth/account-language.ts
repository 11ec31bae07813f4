// The account's language. The pages follow the language cookie; what goes out without a request to read it
// from (the reminder mails about the action plan) follows this stored choice. It is set at sign-up to the
// language of the sign-up page and changed whenever the signed-in person picks a language.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { ACCOUNT_LOCALES, user, type AccountLocale } from '../db/schema';

export const accountLanguageSchema = z.enum(ACCOUNT_LOCALES);

/** Stores the language; false for a value that is no language of the app (nothing changes then). */
export async function setAccountLanguage(db: Database, userId: string, locale: unknown): Promise<boolean> {
	const parsed = accountLanguageSchema.safeParse(locale);
	if (!parsed.success) return false;
	await db.update(user).set({ locale: parsed.data, updatedAt: sql`now()` }).where(eq(user.id, userId));
	return true;
}

/** The language of a stored account as read with its session; 'nl' for a value that is no language of the app. */
export function accountLocaleOf(value: unknown): AccountLocale {
	const parsed = accountLanguageSchema.safeParse(value);
	return parsed.success ? parsed.data : 'nl';
}

export async function accountLanguage(db: Database, userId: string): Promise<AccountLocale> {
	const [row] = await db.select({ locale: user.locale }).from(user).where(eq(user.id, userId)).limit(1);
	return row?.locale ?? 'nl';
}
