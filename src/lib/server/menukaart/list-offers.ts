// The menukaart as stored: every offer for the coordinators' list, one offer for its edit page, and the
// offers an owner sees for the firm's province and sector.
import { asc, desc, eq, isNull } from 'drizzle-orm';
import { compareOffersForFirm, offerFitsFirm, type Offer, type FirmPlace } from '../../domain/menukaart/offer';
import type { Database } from '../db/client';
import { menukaartOffer } from '../db/schema';

export type StoredOffer = Offer & { id: string; archived: boolean };

function offerOfRow(row: typeof menukaartOffer.$inferSelect): StoredOffer {
	return {
		id: row.id,
		kind: row.kind,
		title: row.title,
		provider: row.provider,
		regions: row.regions as Offer['regions'],
		sectors: row.sectors as Offer['sectors'],
		aspects: row.aspects as Offer['aspects'],
		costText: row.costText,
		costBand: row.costBand as Offer['costBand'],
		funding: row.funding as Offer['funding'],
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		url: row.url,
		description: row.description,
		archived: row.archivedAt !== null
	};
}

/** All offers, current ones first, the newest change first. */
export async function listOffers(db: Database): Promise<StoredOffer[]> {
	const rows = await db.select().from(menukaartOffer).orderBy(asc(menukaartOffer.archivedAt), desc(menukaartOffer.updatedAt));
	return rows.map(offerOfRow);
}

export async function findOffer(db: Database, id: string): Promise<StoredOffer | null> {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db.select().from(menukaartOffer).where(eq(menukaartOffer.id, id)).limit(1);
	return row ? offerOfRow(row) : null;
}

/** The offers for a firm's province (or national) and sector that have not ended, in reading order. */
export async function offersForFirm(db: Database, place: FirmPlace, today: string): Promise<StoredOffer[]> {
	const rows = await db.select().from(menukaartOffer).where(isNull(menukaartOffer.archivedAt));
	return rows
		.map(offerOfRow)
		.filter((o) => offerFitsFirm(o, place, today))
		.sort(compareOffersForFirm(place));
}
