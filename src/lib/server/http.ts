/** Only paths on this site: an open redirect would let a mail link send people elsewhere. */
export function safeReturnPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	return value;
}

export function clientKey(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
