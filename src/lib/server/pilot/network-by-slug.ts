// The shell names a network by its slug and has no signed-in person: the operator holds the database.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { network } from '../db/schema';

export async function networkBySlug(db: Database, slug: string): Promise<{ id: string; slug: string; name: string } | null> {
	const [found] = await db.select({ id: network.id, slug: network.slug, name: network.name }).from(network).where(eq(network.slug, slug.trim().toLowerCase())).limit(1);
	return found ?? null;
}
