// Labels for the menukaart's and the success stories' fixed lists, in the reader's language.
import * as m from './paraglide/messages';
import { uiLocale } from './locale';
import { loadInstrument } from './domain/instrument';
import { ASPECT_IDS, COST_BANDS, FUNDING_ROUTES } from './domain/knowledge/entry';
import { OFFER_KINDS, OFFER_REGIONS, type Offer } from './domain/menukaart/offer';
import { SECTOR_IDS, provinceLabel, sectorLabel } from './firm-labels';

const kindLabels: Record<string, () => string> = { opleiding: m.menukaart_kind_opleiding, initiatief: m.menukaart_kind_initiatief };
const costLabels: Record<string, () => string> = {
	geen: m.menukaart_cost_geen,
	laag: m.menukaart_cost_laag,
	midden: m.menukaart_cost_midden,
	hoog: m.menukaart_cost_hoog
};
const fundingLabels: Record<string, () => string> = {
	'slim-a': m.menukaart_funding_slim_a,
	'slim-b': m.menukaart_funding_slim_b,
	'slim-c': m.menukaart_funding_slim_c,
	'oo-fonds': m.menukaart_funding_oo_fonds,
	leerwerkloket: m.menukaart_funding_leerwerkloket,
	geen: m.menukaart_funding_geen
};

export const kindLabel = (id: string) => kindLabels[id]?.() ?? id;
export const costLabel = (id: string) => costLabels[id]?.() ?? id;
export const fundingLabel = (id: string) => fundingLabels[id]?.() ?? id;
export const regionLabel = (id: string) => (id === 'landelijk' ? m.menukaart_region_landelijk() : provinceLabel(id));

export function aspectLabel(id: string): string {
	const aspect = loadInstrument().aspects.find((a) => a.id === id);
	return aspect ? aspect.label[uiLocale()] : id;
}

/** Every list a menukaart or story form offers, labelled for the reader. */
export function menukaartOptions() {
	return {
		kinds: OFFER_KINDS.map((id) => ({ id, label: kindLabel(id) })),
		regions: OFFER_REGIONS.map((id) => ({ id, label: regionLabel(id) })),
		sectors: SECTOR_IDS.map((id) => ({ id, label: sectorLabel(id) })),
		aspects: ASPECT_IDS.map((id) => ({ id, label: aspectLabel(id) })),
		costs: COST_BANDS.map((id) => ({ id, label: costLabel(id) })),
		funding: FUNDING_ROUTES.map((id) => ({ id, label: fundingLabel(id) }))
	};
}
export type MenukaartOptions = ReturnType<typeof menukaartOptions>;

/** An offer as an owner reads it on the firm page and beside the report. */
export interface OfferView {
	id: string;
	kind: string;
	title: string;
	provider: string;
	description: string;
	url: string;
	where: string;
	cost: string;
	funding: string;
	dates: string;
}

function day(iso: string): string {
	return new Intl.DateTimeFormat(uiLocale() === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

export function offerView(o: Offer & { id: string }): OfferView {
	const dates = o.startsOn && o.endsOn ? m.menukaart_dates_both({ start: day(o.startsOn), end: day(o.endsOn) }) : o.startsOn ? m.menukaart_dates_start({ start: day(o.startsOn) }) : o.endsOn ? m.menukaart_dates_end({ end: day(o.endsOn) }) : '';
	return {
		id: o.id,
		kind: kindLabel(o.kind),
		title: o.title,
		provider: o.provider,
		description: o.description,
		url: o.url,
		where: `${o.regions.map(regionLabel).join(', ')} · ${o.sectors === 'all' ? m.menukaart_all_sectors() : o.sectors.map((s) => sectorLabel(s)).join(', ')}`,
		cost: [o.costText, o.costBand ? costLabel(o.costBand) : null].filter(Boolean).join(' · '),
		funding: o.funding.map(fundingLabel).join(', '),
		dates
	};
}
