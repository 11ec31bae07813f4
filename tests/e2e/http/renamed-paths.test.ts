// Pages that got an English name: the old Dutch paths are in mails and PDFs that people still have, so they
// answer with a permanent redirect to the same page, query string kept, without saying whether a firm exists.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

const visit = (path: string, init: RequestInit = {}) => fetch(`${baseUrl}${path}`, { redirect: 'manual', ...init });

describe('old paths', () => {
	it.each([
		['/methode', '/method'],
		['/methode/privacy?x=1', '/method/privacy?x=1'],
		['/firms/bestaat-niet/gegevens', '/firms/bestaat-niet/data'],
		['/firms/bestaat-niet/gegevens/archive', '/firms/bestaat-niet/data/archive']
	])('%s is permanently at %s', async (from, to) => {
		const res = await visit(from);
		expect(res.status).toBe(308);
		expect(res.headers.get('location')).toBe(to);
	});

	it('lead to the method page itself', async () => {
		const res = await fetch(`${baseUrl}/methode`, { headers: { accept: 'text/html' } });
		expect(res.status).toBe(200);
		expect(new URL(res.url).pathname).toBe('/method');
	});

	it('keep the respondents\' short paths as they are', async () => {
		for (const path of ['/k', '/r/ONBEKEND', '/s/onbekend']) expect((await visit(path)).status).not.toBe(308);
	});
});
