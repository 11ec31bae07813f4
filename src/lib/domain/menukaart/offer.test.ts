import { describe, expect, it } from 'vitest';
import { compareOffersForFirm, offerFitsFirm, offerSchema, type Offer } from './offer';

const offer = (over: Partial<Offer> = {}): Offer => ({
	kind: 'opleiding',
	title: 'Praktijkopleider worden',
	provider: 'ROC Noord',
	regions: ['groningen'],
	sectors: ['bouw'],
	aspects: ['samen'],
	costText: 'EUR 350 per persoon',
	costBand: null,
	funding: ['oo-fonds'],
	startsOn: null,
	endsOn: null,
	url: 'https://example.nl/praktijkopleider',
	description: 'Twee dagen training voor vakmensen die nieuwe collega’s inwerken.',
	...over
});

describe('a menukaart offer', () => {
	it('accepts a complete offer', () => {
		expect(offerSchema.safeParse(offer()).success).toBe(true);
	});

	it('needs the cost in words or a band', () => {
		const result = offerSchema.safeParse(offer({ costText: null, costBand: null }));
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.path[0])).toContain('cost');
		expect(offerSchema.safeParse(offer({ costText: null, costBand: 'laag' })).success).toBe(true);
	});

	it('refuses a link that is not https, an end before the start, and an impossible day', () => {
		expect(offerSchema.safeParse(offer({ url: 'http://example.nl' })).success).toBe(false);
		expect(offerSchema.safeParse(offer({ url: 'javascript:alert(1)' })).success).toBe(false);
		expect(offerSchema.safeParse(offer({ startsOn: '2026-05-01', endsOn: '2026-04-01' })).success).toBe(false);
		expect(offerSchema.safeParse(offer({ startsOn: '2026-02-30' })).success).toBe(false);
	});

	it('knows the provinces and landelijk, but not onbekend', () => {
		expect(offerSchema.safeParse(offer({ regions: ['landelijk'] })).success).toBe(true);
		expect(offerSchema.safeParse(offer({ regions: ['onbekend'] as never })).success).toBe(false);
		expect(offerSchema.safeParse(offer({ regions: [] })).success).toBe(false);
	});
});

describe('which offers a firm sees', () => {
	const place = { province: 'groningen', sector: 'bouw' };
	const today = '2026-06-01';

	it('shows offers for its province or the whole country, for its sector or all', () => {
		expect(offerFitsFirm(offer(), place, today)).toBe(true);
		expect(offerFitsFirm(offer({ regions: ['landelijk'], sectors: 'all' }), place, today)).toBe(true);
		expect(offerFitsFirm(offer({ regions: ['friesland'] }), place, today)).toBe(false);
		expect(offerFitsFirm(offer({ sectors: ['horeca'] }), place, today)).toBe(false);
	});

	it('no longer shows an offer that has ended, and shows it on its last day', () => {
		expect(offerFitsFirm(offer({ endsOn: '2026-05-31' }), place, today)).toBe(false);
		expect(offerFitsFirm(offer({ endsOn: today }), place, today)).toBe(true);
	});

	it('puts its own province and sector first, then the soonest start', () => {
		const national = offer({ title: 'A landelijk', regions: ['landelijk'], sectors: 'all' });
		const regionalAll = offer({ title: 'B regio', sectors: 'all' });
		const later = offer({ title: 'C later', startsOn: '2026-09-01' });
		const sooner = offer({ title: 'D eerder', startsOn: '2026-07-01' });
		const sorted = [national, regionalAll, later, sooner].sort(compareOffersForFirm(place)).map((o) => o.title);
		expect(sorted).toEqual(['D eerder', 'C later', 'B regio', 'A landelijk']);
	});
});
