import { describe, expect, it } from 'vitest';
import { createAddressWatch } from './address-watch';

const t0 = Date.parse('2026-03-02T09:00:00Z');
const minute = 60_000;

describe('the address watch', () => {
	it('takes at most the hourly number of responses from one address on an open link, then again an hour later', () => {
		const watch = createAddressWatch({ perHour: 3, burstPerTenMinutes: 10 });
		for (let i = 0; i < 3; i++) watch.reserve('r1', '10.0.0.1', true, t0 + i * minute)!.settle(true);
		expect(watch.reserve('r1', '10.0.0.1', true, t0 + 5 * minute)).toBeNull();
		// another address, another round, and cards (not limited) are not held back
		expect(watch.reserve('r1', '10.0.0.2', true, t0 + 5 * minute)).not.toBeNull();
		expect(watch.reserve('r2', '10.0.0.1', true, t0 + 5 * minute)).not.toBeNull();
		expect(watch.reserve('r1', '10.0.0.1', false, t0 + 5 * minute)).not.toBeNull();
		expect(watch.reserve('r1', '10.0.0.1', true, t0 + 61 * minute)).not.toBeNull();
	});

	it('frees the place of a response that was not stored', () => {
		const watch = createAddressWatch({ perHour: 1, burstPerTenMinutes: 10 });
		watch.reserve('r1', 'a', true, t0)!.settle(false);
		expect(watch.reserve('r1', 'a', true, t0 + 1)).not.toBeNull();
		expect(watch.reserve('r1', 'a', true, t0 + 2)).toBeNull();
	});

	it('counts places taken by sends still under way, so sixty at once cannot all pass', () => {
		const watch = createAddressWatch({ perHour: 50, burstPerTenMinutes: 10 });
		const places = Array.from({ length: 60 }, () => watch.reserve('r1', 'a', true, t0));
		expect(places.filter((p) => p !== null)).toHaveLength(50);
	});

	it('marks each response past the burst number within ten minutes, and none after a quiet spell', () => {
		const watch = createAddressWatch({ perHour: 100, burstPerTenMinutes: 10 });
		const bursts = Array.from({ length: 12 }, (_, i) => watch.reserve('r1', 'a', true, t0 + i * 1000)!.burst);
		expect(bursts.filter(Boolean)).toHaveLength(2);
		expect(bursts.slice(0, 10).some(Boolean)).toBe(false);
		expect(watch.reserve('r1', 'a', true, t0 + 11 * minute)!.burst).toBe(false);
	});

	it('forgets every address at the turn of the day', () => {
		const watch = createAddressWatch({ perHour: 1, burstPerTenMinutes: 10 });
		const late = Date.parse('2026-03-02T23:59:00Z');
		watch.reserve('r1', 'a', true, late)!.settle(true);
		expect(watch.reserve('r1', 'a', true, late + 30_000)).toBeNull();
		expect(watch.reserve('r1', 'a', true, late + 2 * minute)).not.toBeNull();
	});

	it('when full, drops the addresses whose last response is over an hour old and keeps the count of the others', () => {
		const watch = createAddressWatch({ perHour: 1, burstPerTenMinutes: 10, maxKeys: 3 });
		watch.reserve('r1', 'a', true, t0)!.settle(true);
		watch.reserve('r1', 'b', true, t0 + 61 * minute)!.settle(true);
		watch.reserve('r1', 'c', true, t0 + 61 * minute)!.settle(true);
		expect(watch.reserve('r1', 'd', true, t0 + 62 * minute)).not.toBeNull();
		expect(watch.reserve('r1', 'b', true, t0 + 62 * minute)).toBeNull();
	});
});
