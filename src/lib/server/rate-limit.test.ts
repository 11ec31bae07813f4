import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
	it('allows the limit within a window and refuses the next, per key', () => {
		const limiter = createRateLimiter({ limit: 3, windowSeconds: 60 });
		const t = 1_000_000;
		expect([1, 2, 3].map(() => limiter.hit('a', t))).toEqual([true, true, true]);
		expect(limiter.hit('a', t + 10)).toBe(false);
		expect(limiter.hit('b', t + 10)).toBe(true);
		expect(limiter.retryAfter('a', t + 10_000)).toBe(50);
	});

	it('opens again when the window has passed', () => {
		const limiter = createRateLimiter({ limit: 1, windowSeconds: 10 });
		expect(limiter.hit('a', 0)).toBe(true);
		expect(limiter.hit('a', 9_999)).toBe(false);
		expect(limiter.hit('a', 10_000)).toBe(true);
	});

	it('keeps its memory bounded under a flood of distinct keys', () => {
		const limiter = createRateLimiter({ limit: 1, windowSeconds: 60, maxKeys: 100 });
		for (let i = 0; i < 1000; i++) limiter.hit(`k${i}`, 0);
		// the newest key is still counted
		expect(limiter.hit('k999', 1)).toBe(false);
	});
});
