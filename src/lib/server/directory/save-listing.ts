// Writes the account's own listing (one per account). Saving never publishes: a new listing starts
// unpublished, and an edit keeps whatever the author chose before.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { directoryListing } from '../db/schema';
import { parseListing, type ListingErrors } from '../../domain/directory/listing';

export type SaveListingResult = { ok: true; id: string } | { ok: false; errors: ListingErrors };

export async function saveListing(db: Database, userId: string, form: unknown): Promise<SaveListingResult> {
	const parsed = parseListing(form);
	if (!parsed.ok) return parsed;
	const values = { ...parsed.data, updatedAt: new Date() };
	const [row] = await db
		.insert(directoryListing)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: directoryListing.userId, set: { ...values, updatedAt: sql`now()` } })
		.returning({ id: directoryListing.id });
	return { ok: true, id: row!.id };
}
