// The author publishes or withdraws their own listing; a withdrawn listing is seen by nobody but them.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { directoryListing } from '../db/schema';

/** False when the account has no listing yet. */
export async function setListingPublished(db: Database, userId: string, published: boolean): Promise<boolean> {
	const rows = await db.update(directoryListing).set({ published, updatedAt: new Date() }).where(eq(directoryListing.userId, userId)).returning({ id: directoryListing.id });
	return rows.length > 0;
}

/** Removes the listing for good (it also goes when the account is deleted). */
export async function deleteListing(db: Database, userId: string): Promise<boolean> {
	const rows = await db.delete(directoryListing).where(eq(directoryListing.userId, userId)).returning({ id: directoryListing.id });
	return rows.length > 0;
}
