// Which earlier round a report is compared with: by id from the report page's choice (?compare=ID), or by
// name from `leerkompas report --compare NAME`. Anything else is no choice: the previous round is used.
import { z } from 'zod';

export const compareRequestSchema = z.union([
	z.strictObject({ id: z.uuid() }),
	z.strictObject({ name: z.string().trim().min(1).max(200) })
]);

export type CompareRequest = z.infer<typeof compareRequestSchema>;

/** The report page's GET parameter; a value that is not a round id is ignored (the page says so). */
export function compareFromQuery(value: string | null): { request: CompareRequest | null; unreadable: boolean } {
	if (value === null || value.trim() === '') return { request: null, unreadable: false };
	const parsed = compareRequestSchema.safeParse({ id: value.trim() });
	return parsed.success ? { request: parsed.data, unreadable: false } : { request: null, unreadable: true };
}
