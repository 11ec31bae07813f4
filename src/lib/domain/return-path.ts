// Where to send someone after signing in, signing up or choosing a language: only a path on this site.
// An open redirect would let a link to Leerkompas send people on to a look-alike sign-in page elsewhere.

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const MAX_LENGTH = 2048;
const PROBE_ORIGIN = 'http://leerkompas.invalid';

// Browsers drop tabs and line breaks from an address and read a backslash as a slash, so `/\t/evil.example`
// and `/\evil.example` both lead to another site; the same text may hide behind %-escapes, once or twice.
function safeLayer(text: string): boolean {
	return text.startsWith('/') && !text.startsWith('//') && !text.includes('\\') && !CONTROL.test(text);
}

/** `value` when it is a path on this site (after undoing any %-escapes), otherwise `fallback`. Never throws. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || value.length > MAX_LENGTH) return fallback;
	let layer = value;
	for (let depth = 0; depth < 5; depth++) {
		if (!safeLayer(layer)) return fallback;
		let decoded: string;
		try {
			decoded = decodeURIComponent(layer);
		} catch {
			break; // a stray % is no escape, so nothing hides behind it
		}
		if (decoded === layer) break;
		layer = decoded;
	}
	if (!safeLayer(layer)) return fallback;
	try {
		if (new URL(value, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return fallback;
	} catch {
		return fallback;
	}
	return value;
}
