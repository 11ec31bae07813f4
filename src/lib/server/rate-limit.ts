// A fixed-window counter in memory. Each use (sign-in, magic link, survey) has its own limiter, so a flood
// on a survey link never locks people out of signing in. Per app server: behind a load balancer each
// server counts on its own, which still bounds a flood.
export interface RateLimiter {
	/** true when the request may go ahead */
	hit(key: string, now?: number): boolean;
	/** seconds until the key may try again */
	retryAfter(key: string, now?: number): number;
}

export function createRateLimiter(options: { limit: number; windowSeconds: number; maxKeys?: number }): RateLimiter {
	const windows = new Map<string, { start: number; count: number }>();
	const windowMs = options.windowSeconds * 1000;
	const maxKeys = options.maxKeys ?? 50_000;

	function current(key: string, now: number) {
		const entry = windows.get(key);
		if (entry && now - entry.start < windowMs) return entry;
		if (windows.size >= maxKeys) sweep(now);
		const fresh = { start: now, count: 0 };
		windows.set(key, fresh);
		return fresh;
	}

	function sweep(now: number) {
		for (const [key, entry] of windows) if (now - entry.start >= windowMs) windows.delete(key);
		// Still full: drop the oldest half rather than grow without bound under attack.
		if (windows.size >= maxKeys) {
			let n = 0;
			for (const key of windows.keys()) {
				if (n++ > maxKeys / 2) break;
				windows.delete(key);
			}
		}
	}

	return {
		hit(key, now = Date.now()) {
			const entry = current(key, now);
			entry.count++;
			return entry.count <= options.limit;
		},
		retryAfter(key, now = Date.now()) {
			const entry = windows.get(key);
			if (!entry) return 0;
			return Math.max(0, Math.ceil((entry.start + windowMs - now) / 1000));
		}
	};
}
