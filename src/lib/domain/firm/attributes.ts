// The fixed lists of a firm's profile. Networks group firms by these ids and scripts pass them to
// `org create`, so they are the ones in DESIGN.md ("Networks") and never change; labels live in the messages.

export const SECTORS = [
	'bouw',
	'installatie',
	'metaal-techniek',
	'industrie',
	'zorg-welzijn',
	'horeca',
	'detailhandel',
	'groothandel',
	'transport-logistiek',
	'landbouw',
	'zakelijke-dienstverlening',
	'ict',
	'onderwijs',
	'overheid',
	'overig'
] as const;
export type Sector = (typeof SECTORS)[number];

/**
 * Sector ids of earlier versions, still accepted as input so scripts keep working; they are stored as the
 * id they map to (migration 0005 rewrote the stored ones the same way).
 */
export const FORMER_SECTOR_IDS: Readonly<Record<string, Sector>> = {
	'techniek-installatie': 'installatie',
	'metaal': 'metaal-techniek',
	'food-bakkerij': 'industrie',
	'landbouw-groen': 'landbouw'
};

/** The sector an input names, by its id or a former id; the input unchanged when it names none. */
export function sectorFromInput(input: unknown): unknown {
	return typeof input === 'string' && input in FORMER_SECTOR_IDS ? FORMER_SECTOR_IDS[input] : input;
}

/** The twelve provinces, plus 'onbekend' for firms created before anyone asked (the CLI's default). */
export const PROVINCES = [
	'groningen',
	'friesland',
	'drenthe',
	'overijssel',
	'flevoland',
	'gelderland',
	'utrecht',
	'noord-holland',
	'zuid-holland',
	'zeeland',
	'noord-brabant',
	'limburg',
	'onbekend'
] as const;
