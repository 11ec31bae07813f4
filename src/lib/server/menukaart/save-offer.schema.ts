// The rules for a menukaart offer as a coordinator types it. Form fields arrive as text (several values for
// the check boxes); the domain schema decides. Each problem is reported per field, so the page can say what
// to fix next to it; the route turns the field into a sentence.
import { offerSchema, type Offer } from '../../domain/menukaart/offer';

export const OFFER_FIELDS = ['kind', 'title', 'provider', 'regions', 'sectors', 'aspects', 'cost', 'costText', 'costBand', 'funding', 'startsOn', 'endsOn', 'url', 'description'] as const;
export type OfferField = (typeof OFFER_FIELDS)[number];
export type OfferErrors = Partial<Record<OfferField, true>>;

export type ParsedOffer = { ok: true; data: Offer } | { ok: false; errors: OfferErrors };

const blankToNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v.trim());

/** The offer a posted form describes: `sectors=all` (or no sector ticked) means every sector. */
export function offerInputFromForm(form: FormData): unknown {
	const text = (key: string) => {
		const v = form.get(key);
		return typeof v === 'string' ? v : undefined;
	};
	const list = (key: string) => form.getAll(key).filter((v): v is string => typeof v === 'string' && v !== '');
	const sectors = list('sectors');
	return {
		kind: text('kind'),
		title: text('title'),
		provider: text('provider'),
		regions: list('regions'),
		sectors: text('allSectors') === 'on' || sectors.length === 0 ? 'all' : sectors,
		aspects: list('aspects'),
		costText: blankToNull(text('costText')),
		costBand: blankToNull(text('costBand')),
		funding: list('funding'),
		startsOn: blankToNull(text('startsOn')),
		endsOn: blankToNull(text('endsOn')),
		url: text('url')?.trim(),
		description: text('description')
	};
}

export function parseOffer(input: unknown): ParsedOffer {
	const parsed = offerSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: OfferErrors = {};
	for (const issue of parsed.error.issues) {
		const field = OFFER_FIELDS.find((f) => f === issue.path[0]);
		if (field) errors[field] = true;
	}
	// The checks across fields run only once every field is valid; say everything to fix at once.
	const raw = (input ?? {}) as Record<string, unknown>;
	if (raw.costText == null && raw.costBand == null) errors.cost = true;
	if (Object.keys(errors).length === 0) errors.title = true;
	return { ok: false, errors };
}
