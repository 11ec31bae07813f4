import { describe, expect, it } from 'vitest';
import { dayOf } from '../../clock';
import { isKey, newKey, sha256Hex, submissionKeyFor } from './keys';

describe('keys', () => {
	it('makes random 43-character keys and accepts only that shape', () => {
		const a = newKey();
		const b = newKey();
		expect(a).not.toBe(b);
		expect(isKey(a)).toBe(true);
		expect(isKey(a.slice(1))).toBe(false);
		expect(isKey(`${a.slice(1)}!`)).toBe(false);
		expect(isKey(undefined)).toBe(false);
	});
	it('derives one submission key per draft key, different from the key and its hash', () => {
		const key = newKey();
		expect(submissionKeyFor(key)).toBe(submissionKeyFor(key));
		expect(submissionKeyFor(key)).not.toBe(submissionKeyFor(newKey()));
		expect(isKey(submissionKeyFor(key))).toBe(true);
		expect(sha256Hex(submissionKeyFor(key))).not.toBe(sha256Hex(key));
		expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('dayOf', () => {
	it('gives the date in the Netherlands, also just after midnight there', () => {
		expect(dayOf(new Date('2025-06-30T22:30:00Z'))).toBe('2025-07-01'); // 00:30 summer time
		expect(dayOf(new Date('2025-01-15T22:59:00Z'))).toBe('2025-01-15'); // 23:59 winter time
		expect(dayOf(new Date('2025-01-15T23:00:00Z'))).toBe('2025-01-16');
	});
	it('turns over at midnight also when asked again within the same minute and the next', () => {
		expect(dayOf(new Date('2025-01-15T22:59:01Z'))).toBe('2025-01-15');
		expect(dayOf(new Date('2025-01-15T22:59:59.999Z'))).toBe('2025-01-15');
		expect(dayOf(new Date('2025-01-15T23:00:00.001Z'))).toBe('2025-01-16');
		expect(dayOf(new Date('2025-01-15T22:59:30Z'))).toBe('2025-01-15');
	});
});
