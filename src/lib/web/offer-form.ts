// Between the offer form and the use cases: the values the form shows (a stored offer, or what was posted)
// and one plain sentence per field that needs fixing.
import { fail } from '@sveltejs/kit';
import type { OfferFormValues } from '../components/menukaart/offer-form';
import type { OfferErrors, OfferField } from '../server/menukaart/save-offer.schema';
import type { StoredOffer } from '../server/menukaart/list-offers';
import * as m from '../paraglide/messages.js';

const errorText: Record<OfferField, () => string> = {
	kind: m.menukaart_error_kind,
	title: m.menukaart_error_title,
	provider: m.menukaart_error_provider,
	regions: m.menukaart_error_regions,
	sectors: m.menukaart_error_sectors,
	aspects: m.menukaart_error_aspects,
	cost: m.menukaart_error_cost,
	costText: m.menukaart_error_cost,
	costBand: m.menukaart_error_cost,
	funding: m.menukaart_error_funding,
	startsOn: m.menukaart_error_date,
	endsOn: m.menukaart_error_ends_on,
	url: m.menukaart_error_url,
	description: m.menukaart_error_description
};

export function offerFormValues(offer: StoredOffer): OfferFormValues {
	return {
		kind: offer.kind,
		title: offer.title,
		provider: offer.provider,
		description: offer.description,
		url: offer.url,
		regions: [...offer.regions],
		allSectors: offer.sectors === 'all',
		sectors: offer.sectors === 'all' ? [] : [...offer.sectors],
		aspects: [...offer.aspects],
		costText: offer.costText ?? '',
		costBand: offer.costBand ?? '',
		funding: [...offer.funding],
		startsOn: offer.startsOn ?? '',
		endsOn: offer.endsOn ?? ''
	};
}

function postedValues(form: FormData): OfferFormValues {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v.slice(0, 1000) : '';
	};
	const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string').slice(0, 40);
	return {
		kind: text('kind'),
		title: text('title'),
		provider: text('provider'),
		description: text('description'),
		url: text('url'),
		regions: list('regions'),
		allSectors: text('allSectors') === 'on',
		sectors: list('sectors'),
		aspects: list('aspects'),
		costText: text('costText'),
		costBand: text('costBand'),
		funding: list('funding'),
		startsOn: text('startsOn'),
		endsOn: text('endsOn')
	};
}

/** The form back with what was typed and what to fix. */
export function offerFormFailure(form: FormData, errors: OfferErrors) {
	const texts: Record<string, string> = {};
	for (const field of Object.keys(errors) as OfferField[]) texts[field === 'costText' || field === 'costBand' ? 'cost' : field] = errorText[field]();
	return fail(400, { offer: postedValues(form), errors: texts, message: m.common_form_has_errors() });
}
