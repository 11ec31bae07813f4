import { describe, expect, it } from 'vitest';
import { createGuessGuard } from './limits';

describe('createGuessGuard', () => {
	it('blocks an address once it made the allowed number of wrong codes, until the window ends', () => {
		const guard = createGuessGuard({ failures: 3, windowSeconds: 60 });
		const t = 1_000_000;
		for (let i = 0; i < 2; i++) {
			expect(guard.retryAfter('a', t + i)).toBe(0);
			guard.fail('a', t + i);
		}
		expect(guard.retryAfter('a', t + 3)).toBe(0);
		guard.fail('a', t + 10);
		expect(guard.retryAfter('a', t + 10)).toBe(60);
		const halfway = guard.retryAfter('a', t + 30_000);
		expect(halfway).toBeGreaterThanOrEqual(30);
		expect(halfway).toBeLessThanOrEqual(31);
		expect(guard.retryAfter('a', t + 61_000)).toBe(0);
	});
	it('keeps addresses apart and counts only failures', () => {
		const guard = createGuessGuard({ failures: 2, windowSeconds: 60 });
		guard.fail('a', 0);
		expect(guard.retryAfter('a', 1)).toBe(0);
		guard.fail('a', 1);
		expect(guard.retryAfter('a', 2)).toBeGreaterThan(0);
		expect(guard.retryAfter('b', 2)).toBe(0);
		// asking is free: a client that never fails is never blocked
		for (let i = 0; i < 100; i++) expect(guard.retryAfter('c', i)).toBe(0);
	});
	it('stays bounded under a flood of addresses', () => {
		const guard = createGuessGuard({ failures: 1, windowSeconds: 60, maxKeys: 50 });
		for (let i = 0; i < 500; i++) guard.fail(`x${i}`, 0);
		expect(guard.retryAfter('x499', 1)).toBeGreaterThan(0);
	});
});
