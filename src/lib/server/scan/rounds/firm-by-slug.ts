// The firm a command-line user names by its slug. The CLI is run by whoever runs the server, so it needs
// no membership check; the web pages go through requireFirm instead.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { firm } from '../../db/schema';

export type FirmRow = typeof firm.$inferSelect;

export async function findFirmBySlug(db: Database, slug: string): Promise<FirmRow | null> {
	const [found] = await db.select().from(firm).where(eq(firm.slug, slug.trim().toLowerCase())).limit(1);
	return found ?? null;
}
