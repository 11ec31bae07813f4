// What the offer form shows: a stored offer, or what was posted when it had to come back with errors.
export interface OfferFormValues {
	kind: string;
	title: string;
	provider: string;
	description: string;
	url: string;
	regions: string[];
	allSectors: boolean;
	sectors: string[];
	aspects: string[];
	costText: string;
	costBand: string;
	funding: string[];
	startsOn: string;
	endsOn: string;
}

export const emptyOffer: OfferFormValues = {
	kind: '',
	title: '',
	provider: '',
	description: '',
	url: 'https://',
	regions: [],
	allSectors: true,
	sectors: [],
	aspects: [],
	costText: '',
	costBand: '',
	funding: [],
	startsOn: '',
	endsOn: ''
};
