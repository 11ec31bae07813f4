// A network named by its short name (slug), as a URL, a form or the shell gives it. Slugs are stored in lower
// case, so "Leernetwerk-Noord " finds leernetwerk-noord wherever it is typed.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { network } from '../db/schema';

export type NetworkRecord = typeof network.$inferSelect;

export async function findNetwork(db: Database, slug: string): Promise<NetworkRecord | null> {
	const [found] = await db.select().from(network).where(eq(network.slug, slug.trim().toLowerCase())).limit(1);
	return found ?? null;
}
