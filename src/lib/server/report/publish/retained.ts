// Whether the retention rule removed a round's respondent-level answers (see ../data-rights/retention.ts). Kept apart,
// with no other imports from the shell, so the report code can ask it without an import cycle: a round
// listed here must not have its report rebuilt from the now empty response table.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { roundRetention } from '../../db/schema';

export async function isRetained(db: Pick<Database, 'select'>, roundId: string): Promise<boolean> {
	const [row] = await db.select({ roundId: roundRetention.roundId }).from(roundRetention).where(eq(roundRetention.roundId, roundId)).limit(1);
	return row !== undefined;
}
