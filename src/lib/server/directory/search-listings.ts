// The directory's search over published listings: by province, by sector and by words in the name, the
// offer text or the short text. Nothing unpublished is ever in it.
import { and, arrayContains, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client';
import { directoryListing } from '../db/schema';
import type { DirectorySearch } from '../../domain/directory/listing';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchListings(db: Database, search: DirectorySearch) {
	const where: SQL[] = [eq(directoryListing.published, true)];
	if (search.province) where.push(arrayContains(directoryListing.provinces, [search.province]));
	if (search.sector) where.push(arrayContains(directoryListing.sectors, [search.sector]));
	for (const word of (search.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
		const pattern = `%${escapeLike(word)}%`;
		where.push(or(ilike(directoryListing.name, pattern), ilike(directoryListing.about, pattern))!);
	}
	return db
		.select({ id: directoryListing.id, name: directoryListing.name, provinces: directoryListing.provinces, sectors: directoryListing.sectors, offers: directoryListing.offers, about: directoryListing.about })
		.from(directoryListing)
		.where(and(...where))
		.orderBy(asc(directoryListing.name))
		.limit(200);
}
