import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from './form-text';

describe('withoutControlCharacters', () => {
	it('drops NUL and other control characters from names and texts, keeps tabs, line breaks and files', () => {
		const form = new FormData();
		form.append('round\u0000', 'Voorjaar\u0000 2026\u0007');
		form.append('open', 'regel 1\r\nregel 2\tmet tab');
		const file = new File(['werk_1\n4\n'], 'scan.csv', { type: 'text/csv' });
		form.append('file', file);
		const clean = withoutControlCharacters(form);
		expect(clean.get('round')).toBe('Voorjaar 2026');
		expect(clean.get('open')).toBe('regel 1\r\nregel 2\tmet tab');
		expect(clean.get('file')).toBeInstanceOf(File);
		expect((clean.get('file') as File).name).toBe('scan.csv');
	});
});
