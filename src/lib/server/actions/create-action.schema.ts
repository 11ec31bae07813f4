// Who creates an action, where and when; the action's own fields are in action-form.schema.ts, shared with editing.
import { z } from 'zod';
import { ACTION_ORIGINS } from '../../domain/actions/action';

export const createActionContextSchema = z.object({
	firmId: z.uuid(),
	/** The round whose session agreed on it; null for an action added in the plan (or a session without a round). */
	roundId: z.uuid().nullable(),
	/** Agreed in the follow-up session: then at most MAX_SESSION_ACTIONS per session. */
	fromSession: z.boolean(),
	origin: z.enum(ACTION_ORIGINS),
	userId: z.string().min(1),
	today: z.iso.date()
});
export type CreateActionContext = z.input<typeof createActionContextSchema>;
