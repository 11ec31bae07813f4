// A coordinator adds an offer to the menukaart or changes one; both keep who did it and when.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { menukaartOffer } from '../db/schema';
import { parseOffer, type OfferErrors } from './save-offer.schema';

export type SaveOfferResult = { ok: true; id: string } | { ok: false; errors: OfferErrors } | { ok: false; notFound: true };

/** Adds the offer, or changes the one with `id`. An archived offer can be changed, and stays archived. */
export async function saveOffer(db: Database, input: { id?: string; offer: unknown; userId: string }): Promise<SaveOfferResult> {
	const parsed = parseOffer(input.offer);
	if (!parsed.ok) return parsed;
	const o = parsed.data;
	const values = {
		kind: o.kind,
		title: o.title,
		provider: o.provider,
		regions: [...o.regions],
		sectors: o.sectors === 'all' ? ('all' as const) : [...o.sectors],
		aspects: [...o.aspects],
		costText: o.costText,
		costBand: o.costBand,
		funding: [...o.funding],
		startsOn: o.startsOn,
		endsOn: o.endsOn,
		url: o.url,
		description: o.description,
		updatedBy: input.userId,
		updatedAt: new Date()
	};
	if (input.id === undefined) {
		const [row] = await db.insert(menukaartOffer).values({ ...values, createdBy: input.userId }).returning({ id: menukaartOffer.id });
		return { ok: true, id: row!.id };
	}
	const [row] = await db.update(menukaartOffer).set(values).where(eq(menukaartOffer.id, input.id)).returning({ id: menukaartOffer.id });
	return row ? { ok: true, id: row.id } : { ok: false, notFound: true };
}
