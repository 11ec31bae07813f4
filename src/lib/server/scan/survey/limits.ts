// The survey's own limiters, apart from those of the sign-in page: a flood on one round's link never locks
// anybody out of signing in, and the other way round. In memory only; nothing about a client is stored.
import { createRateLimiter, type RateLimiter } from '../../rate-limit';

/**
 * Posts per round link, `perTenMinutes` (LEERKOMPAS_SURVEY_POSTS_PER_10_MIN) in ten minutes. A respondent
 * posts about a dozen times screen by screen, or once from the one-page form; the default of 30,000 lets
 * a sector fund's link take 2,500 respondents in ten minutes on the screens, and still bounds a script.
 */
export function createSurveyPostLimiter(perTenMinutes: number): RateLimiter {
	return createRateLimiter({ limit: perTenMinutes, windowSeconds: 10 * 60 });
}

export interface GuessGuard {
	/** Seconds this client must wait before trying a code again; 0 when it may try now. */
	retryAfter(key: string, now?: number): number;
	/** Records a wrong (unknown or used) code. */
	fail(key: string, now?: number): void;
}

/**
 * Counts wrong codes per client address and blocks that address for the rest of the window once it has
 * made `failures` of them. Only failures count, so a whole firm behind one address can enter its good
 * cards freely.
 */
export function createGuessGuard(options: { failures: number; windowSeconds: number; maxKeys?: number }): GuessGuard {
	const maxKeys = options.maxKeys ?? 50_000;
	const failures = createRateLimiter({ limit: options.failures - 1, windowSeconds: options.windowSeconds, maxKeys });
	const blockedUntil = new Map<string, number>();

	function sweep(now: number) {
		for (const [key, until] of blockedUntil) if (until <= now) blockedUntil.delete(key);
		if (blockedUntil.size >= maxKeys) blockedUntil.clear();
	}

	return {
		retryAfter(key, now = Date.now()) {
			const until = blockedUntil.get(key);
			if (until === undefined) return 0;
			if (until <= now) {
				blockedUntil.delete(key);
				return 0;
			}
			return Math.ceil((until - now) / 1000);
		},
		fail(key, now = Date.now()) {
			if (failures.hit(key, now)) return;
			if (blockedUntil.size >= maxKeys) sweep(now);
			blockedUntil.set(key, now + Math.max(1, failures.retryAfter(key, now)) * 1000);
		}
	};
}

/** Wrong card codes and short links per client address: after ten in a quarter of an hour, a wait. */
export const codeGuesses: GuessGuard = createGuessGuard({ failures: 10, windowSeconds: 15 * 60 });
