// The addresses respondents use. The pages behind them live in src/routes/s, /r and /k.
export function surveyUrl(origin: string, linkToken: string): string {
	return `${origin}/s/${linkToken}`;
}

/** Fits an SMS and is short enough to type from a poster. */
export function shortUrl(origin: string, shortCode: string): string {
	return `${origin}/r/${shortCode}`;
}

export function cardUrl(origin: string, code: string): string {
	return `${origin}/k/${code}`;
}

/** Where someone types the code of a card by hand. */
export function cardEntryUrl(origin: string): string {
	return `${origin}/k`;
}

/**
 * An address as printed on paper: "leerkompas.nl/r/…" is easier to type than "https://…". Browsers add
 * https themselves; a plain-http address keeps its scheme, since the browser would guess wrong.
 */
export function printedUrl(url: string): string {
	return url.replace(/^https:\/\//, '');
}
