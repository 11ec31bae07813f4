// Reading one listing. Published listings are for people who run a firm; an unpublished one exists only for
// its author: for anyone else it is null, the same as a listing that does not exist (the page answers 404).
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { directoryListing } from '../db/schema';

export type Listing = Omit<typeof directoryListing.$inferSelect, 'userId'> & { own: boolean };

type Row = typeof directoryListing.$inferSelect;

const toListing = (row: Row, own: boolean): Listing => ({
	id: row.id,
	name: row.name,
	provinces: row.provinces,
	sectors: row.sectors,
	offers: row.offers,
	about: row.about,
	published: row.published,
	updatedAt: row.updatedAt,
	own
});

export async function ownListing(db: Database, userId: string): Promise<Listing | null> {
	const [row] = await db.select().from(directoryListing).where(eq(directoryListing.userId, userId)).limit(1);
	return row ? toListing(row, true) : null;
}

/** `mayBrowse`: the viewer runs a firm (directory-access.ts). */
export async function visibleListing(db: Database, input: { id: string; viewerId: string; mayBrowse: boolean }): Promise<Listing | null> {
	if (!/^[0-9a-f-]{36}$/i.test(input.id)) return null;
	const [row] = await db.select().from(directoryListing).where(eq(directoryListing.id, input.id)).limit(1);
	if (!row) return null;
	const own = row.userId === input.viewerId;
	if (!own && !(row.published && input.mayBrowse)) return null;
	return toListing(row, own);
}
