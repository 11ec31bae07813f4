// The menukaart: training offers (opleidingen, trainingen) and regional initiatives that a network
// coordinator keeps, so an owner sees what is on offer in the firm's province and sector beside the
// recommendations. An offer is about a provider's course or a network's initiative, never about a person.
import { z } from 'zod';
import { PROVINCES, SECTORS } from '../firm/attributes';
import { ASPECT_IDS, COST_BANDS, FUNDING_ROUTES } from '../knowledge/entry';

export const OFFER_KINDS = ['opleiding', 'initiatief'] as const;

/** The twelve provinces (not 'onbekend'), or 'landelijk' for the whole country. */
export const OFFER_REGIONS = [...PROVINCES.filter((p) => p !== 'onbekend'), 'landelijk'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const offerSchema = z
	.object({
		kind: z.enum(OFFER_KINDS),
		title: z.string().trim().min(1).max(120),
		provider: z.string().trim().min(1).max(120),
		regions: z.array(z.enum(OFFER_REGIONS)).min(1),
		/** 'all', or the sectors it is meant for. */
		sectors: z.union([z.literal('all'), z.array(z.enum(SECTORS)).min(1)]),
		aspects: z.array(z.enum(ASPECT_IDS)).max(ASPECT_IDS.length),
		/** Cost in words ("EUR 350 per persoon"), a band, or both; at least one of the two. */
		costText: z.string().trim().max(120).nullable(),
		costBand: z.enum(COST_BANDS).nullable(),
		funding: z.array(z.enum(FUNDING_ROUTES)).min(1),
		startsOn: z.string().refine(isDay).nullable(),
		endsOn: z.string().refine(isDay).nullable(),
		url: z.url({ protocol: /^https$/ }).max(500),
		description: z.string().trim().min(1).max(600)
	})
	.refine((o) => o.costText !== null || o.costBand !== null, { path: ['cost'], message: 'cost' })
	.refine((o) => o.startsOn === null || o.endsOn === null || o.startsOn <= o.endsOn, { path: ['endsOn'], message: 'order' });
export type Offer = z.infer<typeof offerSchema>;

export interface FirmPlace {
	province: string;
	sector: string;
}

/**
 * Whether an owner of this firm should see the offer today: it covers the firm's province or the whole
 * country, its sector or all sectors, and it has not ended. Archived offers never reach this question.
 */
export function offerFitsFirm(offer: Pick<Offer, 'regions' | 'sectors' | 'endsOn'>, place: FirmPlace, today: string): boolean {
	const inRegion = offer.regions.includes('landelijk') || (offer.regions as readonly string[]).includes(place.province);
	const inSector = offer.sectors === 'all' || (offer.sectors as readonly string[]).includes(place.sector);
	const current = offer.endsOn === null || offer.endsOn >= today;
	return inRegion && inSector && current;
}

/**
 * The order an owner reads them in: offers made for the firm's own province before national ones, those made
 * for its sector before those for all, then the soonest start (undated last), then the title.
 */
export function compareOffersForFirm<T extends Pick<Offer, 'regions' | 'sectors' | 'startsOn' | 'title'>>(place: FirmPlace) {
	const rank = (o: T) => ((o.regions as readonly string[]).includes(place.province) ? 0 : 2) + (o.sectors === 'all' ? 1 : 0);
	return (a: T, b: T): number =>
		rank(a) - rank(b) || (a.startsOn ?? '9999').localeCompare(b.startsOn ?? '9999') || a.title.localeCompare(b.title, 'nl');
}
