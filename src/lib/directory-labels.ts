// Labels for what a retired entrepreneur offers in the directory, in the reader's language.
import * as m from './paraglide/messages';

const offerLabels: Record<string, () => string> = {
	klankbord: m.directory_offer_klankbord,
	gesprek: m.directory_offer_gesprek,
	'meester-gezel': m.directory_offer_meester_gezel,
	opvolging: m.directory_offer_opvolging,
	netwerk: m.directory_offer_netwerk
};

export const offerLabel = (id: string): string => offerLabels[id]?.() ?? id;
