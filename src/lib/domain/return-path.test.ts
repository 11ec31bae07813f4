import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
	it('keeps paths on this site, with their query', () => {
		for (const path of ['/firms/abc?x=1', '/', '/invitations/AbC-_12', '/s/abc/q/werk', '/firms?q=a%20b', '/x?y=100%']) {
			expect(safeReturnPath(path)).toBe(path);
		}
	});

	it('refuses other sites, in every disguise a browser would follow', () => {
		const bad = [
			'//evil.example',
			'https://evil.example',
			'/\\evil.example',
			'\\\\evil.example',
			'/\t/evil.example/x',
			'/%09/evil.example/x',
			'/%2509/evil.example/x',
			'/%2F%2Fevil.example/x',
			'/%2f/evil.example',
			'/%5Cevil.example',
			'/\n/evil.example',
			'/%0a',
			'/x%0d%0aSet-Cookie:%20a=b',
			'/\u0000',
			'javascript:alert(1)',
			'evil.example',
			'',
			'/' + 'a'.repeat(3000)
		];
		for (const value of bad) expect(safeReturnPath(value), JSON.stringify(value)).toBe('/');
	});

	it('refuses what is not text, and uses the fallback given', () => {
		for (const value of [null, undefined, 42, {}, ['/x']]) expect(safeReturnPath(value, '/firms')).toBe('/firms');
	});
});
