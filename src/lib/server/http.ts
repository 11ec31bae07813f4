export { safeReturnPath } from '../domain/return-path';

/** The client's address as adapter-node sees it (the socket, or ADDRESS_HEADER/XFF_DEPTH behind a proxy). */
export function clientKey(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}
