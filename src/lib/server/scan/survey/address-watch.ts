// Who sends many responses from one address, without keeping addresses. An address is hashed with a secret
// that is made anew every day and lives only in this process's memory; at the day's turn the secret and
// every hash go, so no hash outlives its day and none can be matched to an address later. What is kept per
// hash is a list of times, for two uses: the open link's limit per address per hour, and the warning signal
// "many responses from one address within ten minutes", which is counted per round and never per response.
import { createHmac, randomBytes } from 'node:crypto';

export interface AddressWatchOptions {
	/** Complete responses one address may send to one open link per hour (LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR). */
	perHour: number;
	/** More than this many within ten minutes from one address raises the burst signal (LEERKOMPAS_BURST_RESPONSES_PER_10_MIN). */
	burstPerTenMinutes: number;
	/** Bounds memory under attack; the oldest half is dropped when full. */
	maxKeys?: number;
}

export interface Reservation {
	/** This response, if stored, is one of more than the burst limit from its address within ten minutes. */
	burst: boolean;
	/** Says whether the response was stored; a response that was not frees its place again. */
	settle(stored: boolean): void;
}

export interface AddressWatch {
	/**
	 * A place for one response from `address` to `roundId`. Null when `limited` (an open link) and the address
	 * already sent its hourly number: the response must not be stored.
	 */
	reserve(roundId: string, address: string, limited: boolean, now?: number): Reservation | null;
}

const HOUR = 60 * 60 * 1000;
const TEN_MINUTES = 10 * 60 * 1000;

export function createAddressWatch(options: AddressWatchOptions): AddressWatch {
	const maxKeys = options.maxKeys ?? 100_000;
	let day = '';
	let secret = Buffer.alloc(0);
	let seen = new Map<string, number[]>();

	function keyOf(roundId: string, address: string, now: number): string {
		const today = new Date(now).toISOString().slice(0, 10);
		if (today !== day) {
			// A new day: a new secret, and yesterday's hashes are dropped with the old one.
			day = today;
			secret = randomBytes(32);
			seen = new Map();
		}
		return createHmac('sha256', secret).update(`${roundId}\n${address}`).digest('base64url');
	}

	function sweep(now: number) {
		// Times are in order: the last is the newest.
		for (const [key, times] of seen) if (times.length === 0 || now - times.at(-1)! >= HOUR) seen.delete(key);
		if (seen.size >= maxKeys) {
			let n = 0;
			for (const key of seen.keys()) {
				if (n++ > maxKeys / 2) break;
				seen.delete(key);
			}
		}
	}

	return {
		reserve(roundId, address, limited, now = Date.now()) {
			const key = keyOf(roundId, address, now);
			if (!seen.has(key) && seen.size >= maxKeys) sweep(now);
			// Kept in time order, so the hour's and the ten minutes' counts are a cut, not a pass over every
			// time: behind one address (a firm's Wi-Fi, or a flood) the list can hold thousands.
			const times = seen.get(key) ?? [];
			times.splice(0, firstAfter(times, now - HOUR));
			seen.set(key, times);
			if (limited && times.length >= options.perHour) return null;
			const recent = times.length - firstAfter(times, now - TEN_MINUTES);
			times.splice(firstAfter(times, now), 0, now);
			return {
				burst: recent >= options.burstPerTenMinutes,
				settle(stored) {
					if (stored) return;
					const at = times.lastIndexOf(now);
					if (at >= 0) times.splice(at, 1);
				}
			};
		}
	};
}

/** The index of the first time later than `t` in an ascending list. */
function firstAfter(times: readonly number[], t: number): number {
	let low = 0;
	let high = times.length;
	while (low < high) {
		const mid = (low + high) >>> 1;
		if (times[mid]! > t) high = mid;
		else low = mid + 1;
	}
	return low;
}
