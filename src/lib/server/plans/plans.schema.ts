// Inputs of the plan use cases. The plan's own content is checked by the domain (planContentSchema).
import { z } from 'zod';
import { PLAN_SECTIONS } from '../../domain/plans/plan';

export const planIdSchema = z.uuid();
/** A firm's plan code: 12 random bytes in base64url, as handed out on the firm's plans page. */
export const firmPlanCodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{16}$/);
export const sectionsSchema = z.array(z.enum(PLAN_SECTIONS));

export const shareWithFirmInput = z.object({
	userId: z.string().min(1),
	planId: planIdSchema,
	code: z.string(),
	sections: sectionsSchema,
	today: z.iso.date()
});
export type ShareWithFirmInput = z.input<typeof shareWithFirmInput>;

export const shareWithColleagueInput = z.object({
	userId: z.string().min(1),
	planId: planIdSchema,
	email: z.string(),
	sections: sectionsSchema,
	today: z.iso.date()
});
export type ShareWithColleagueInput = z.input<typeof shareWithColleagueInput>;

export const colleagueEmailSchema = z.email().max(254);
