import { z } from 'zod';
import { MAIL_LOCALES } from '../db/schema';

/** The settings form: a checkbox posts "on" when ticked and nothing when not. */
export const mailSettingForm = z.object({
	deadlineMail: z.literal('on').optional(),
	monthlyMail: z.literal('on').optional(),
	locale: z.enum(MAIL_LOCALES, { error: 'invalid_language' })
});
