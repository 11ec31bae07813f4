// Labels for the fixed lists of a firm's profile, in the reader's language.
import * as m from './paraglide/messages';

type Label = (inputs?: Record<string, never>, options?: { locale?: 'nl' | 'en' }) => string;

const sectorLabels: Record<string, Label> = {
	'bouw': m.firm_sector_bouw,
	'installatie': m.firm_sector_installatie,
	'metaal-techniek': m.firm_sector_metaal_techniek,
	'industrie': m.firm_sector_industrie,
	'zorg-welzijn': m.firm_sector_zorg_welzijn,
	'horeca': m.firm_sector_horeca,
	'detailhandel': m.firm_sector_detailhandel,
	'groothandel': m.firm_sector_groothandel,
	'transport-logistiek': m.firm_sector_transport_logistiek,
	'landbouw': m.firm_sector_landbouw,
	'zakelijke-dienstverlening': m.firm_sector_zakelijke_dienstverlening,
	'ict': m.firm_sector_ict,
	'onderwijs': m.firm_sector_onderwijs,
	'overheid': m.firm_sector_overheid,
	'overig': m.firm_sector_overig,
};

const provinceLabels: Record<string, Label> = {
	'groningen': m.firm_province_groningen,
	'friesland': m.firm_province_friesland,
	'drenthe': m.firm_province_drenthe,
	'overijssel': m.firm_province_overijssel,
	'flevoland': m.firm_province_flevoland,
	'gelderland': m.firm_province_gelderland,
	'utrecht': m.firm_province_utrecht,
	'noord-holland': m.firm_province_noord_holland,
	'zuid-holland': m.firm_province_zuid_holland,
	'zeeland': m.firm_province_zeeland,
	'noord-brabant': m.firm_province_noord_brabant,
	'limburg': m.firm_province_limburg,
	'onbekend': m.firm_province_onbekend,
};

/** The label in the reader's language, or in `locale` (a document that must be Dutch whatever the page's language). */
export const sectorLabel = (id: string, locale?: 'nl' | 'en'): string => sectorLabels[id]?.({}, locale ? { locale } : {}) ?? id;
export const provinceLabel = (id: string, locale?: 'nl' | 'en'): string => provinceLabels[id]?.({}, locale ? { locale } : {}) ?? id;
export const SECTOR_IDS = Object.keys(sectorLabels);
export const PROVINCE_IDS = Object.keys(provinceLabels);
