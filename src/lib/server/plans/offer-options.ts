// The menukaart offers a plan's goal can name.
import type { Database } from '../db/client';
import { listOffers } from '../menukaart/list-offers';

export interface OfferOption {
	id: string;
	label: string;
	url: string;
}

/**
 * Menukaart offers a worker can pick for a goal: not archived and not ended, plus every offer the plans on the
 * page already name (`picked`), whatever its state: otherwise the form would show "none" for an offer that ended
 * since, and the next save would silently drop it.
 */
export async function offerOptions(db: Database, today: string, picked: readonly { goals: readonly { offerId: string | null }[] }[] = []): Promise<OfferOption[]> {
	const keep = new Set(picked.flatMap((p) => p.goals.map((g) => g.offerId)));
	return (await listOffers(db))
		.filter((o) => keep.has(o.id) || (!o.archived && (o.endsOn === null || o.endsOn >= today)))
		.map((o) => ({ id: o.id, label: `${o.title} (${o.provider})`, url: o.url }))
		.sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}
