import { describe, expect, it } from 'vitest';
import { renderEntryBody } from './render-body';

describe('an entry body as HTML', () => {
	it('renders headings, lists and web links', () => {
		const html = renderEntryBody('## Wat is het?\n\n- een\n- twee\n\n[SLIM](https://www.example.org/slim)');
		expect(html).toContain('<h2>Wat is het?</h2>');
		expect(html).toContain('<li>een</li>');
		expect(html).toContain('<a href="https://www.example.org/slim" rel="noopener noreferrer">SLIM</a>');
	});

	it('shows raw HTML as text and drops script links and images', () => {
		const html = renderEntryBody('<script>alert(1)</script>\n\nTekst <img src=x onerror=alert(1)> en [klik](javascript:alert(1)) ![plaatje](https://example.org/x.png)');
		expect(html).not.toMatch(/<script|<img|javascript:|onerror=alert\(1\)>/);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('klik');
	});
});
