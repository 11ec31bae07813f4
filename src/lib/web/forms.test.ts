import { describe, expect, it } from 'vitest';
import { readForm } from './forms';

describe('readForm', () => {
	it('drops control characters that the database cannot store, and keeps tabs and line breaks', async () => {
		const request = new Request('http://x/', { method: 'POST', body: new URLSearchParams({ 'na\u0000me': 'Bak\u0000kerij\u0007', note: 'regel 1\nregel\t2' }) });
		const form = await readForm(request);
		expect(form?.get('name')).toBe('Bakkerij');
		expect(form?.get('note')).toBe('regel 1\nregel\t2');
	});

	it('gives null for a body that is no form', async () => {
		const request = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
		expect(await readForm(request)).toBeNull();
	});
});
