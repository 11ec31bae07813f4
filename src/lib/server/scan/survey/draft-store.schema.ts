// The shape of a draft: only answers, keyed by codebook variable, as the form posted them. No key, date,
// card or anything about the device is ever part of it.
import { z } from 'zod';

export const draftAnswersSchema = z.record(
	// 43 characters fit the variable of a question about an action: action_ and an id (domain/followup).
	z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
	z.union([z.string().max(20_000), z.array(z.string().max(64)).max(32)])
);

export type DraftAnswers = z.infer<typeof draftAnswersSchema>;

/** A stored draft that no longer fits the schema is treated as empty rather than breaking the page. */
export function parseDraftAnswers(data: unknown): DraftAnswers {
	const parsed = draftAnswersSchema.safeParse(data);
	return parsed.success ? parsed.data : {};
}
