import { describe, expect, it } from 'vitest';
import { fewEmployeesForThreshold, seasonOf } from './round-advice';

describe('seasonOf', () => {
	it('names the half-year of a day, with its year', () => {
		expect(seasonOf('2026-11-30')).toEqual({ season: 'autumn', year: 2026 });
		expect(seasonOf('2027-01-01')).toEqual({ season: 'spring', year: 2027 });
		expect(seasonOf('2027-06-30')).toEqual({ season: 'spring', year: 2027 });
		expect(seasonOf('2027-07-01')).toEqual({ season: 'autumn', year: 2027 });
	});
});

describe('fewEmployeesForThreshold', () => {
	it('warns from k up to twice k employees', () => {
		expect(fewEmployeesForThreshold(4, 5)).toBe(false); // too small: a different message
		expect(fewEmployeesForThreshold(5, 5)).toBe(true);
		expect(fewEmployeesForThreshold(6, 5)).toBe(true);
		expect(fewEmployeesForThreshold(9, 5)).toBe(true);
		expect(fewEmployeesForThreshold(10, 5)).toBe(false);
		expect(fewEmployeesForThreshold(5, 3)).toBe(true);
	});
});
