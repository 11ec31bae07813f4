// Which action is edited, by whom and when; the fields are those of action-form.schema.ts.
import { z } from 'zod';

export const updateActionContextSchema = z.object({
	firmId: z.uuid(),
	/** From the URL: anything that is not an id is an action that does not exist. */
	actionId: z.string(),
	today: z.iso.date()
});
export type UpdateActionContext = z.input<typeof updateActionContextSchema>;
