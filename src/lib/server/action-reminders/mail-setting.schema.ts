import { z } from 'zod';

/** The settings form: a checkbox posts "on" when ticked and nothing when not. The language is the account's. */
export const mailSettingForm = z.object({
	deadlineMail: z.literal('on').optional(),
	monthlyMail: z.literal('on').optional()
});
