import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './http';

describe('safeReturnPath', () => {
	it('keeps paths on this site', () => {
		expect(safeReturnPath('/firms/abc?x=1')).toBe('/firms/abc?x=1');
	});
	it('refuses other sites and odd values', () => {
		for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '', null, 42]) {
			expect(safeReturnPath(bad)).toBe('/');
		}
	});
});
