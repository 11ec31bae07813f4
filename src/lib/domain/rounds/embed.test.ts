import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed';

describe('embedSnippet', () => {
	it('is one plain link with its style inline and no script', () => {
		const html = embedSnippet('https://leerkompas.example/r/ABC123', 'Vul de vragenlijst in');
		expect(html).toMatch(/^<a href="https:\/\/leerkompas\.example\/r\/ABC123" style="[^"]+">Vul de vragenlijst in<\/a>$/);
		expect(html).not.toMatch(/<script|on\w+=/i);
	});

	it('escapes the label and the link, so neither can add markup', () => {
		const html = embedSnippet('https://x.example/r/a"onmouseover="alert(1)', '<b>Doe mee</b> & "nu"');
		expect(html).toContain('href="https://x.example/r/a&quot;onmouseover=&quot;alert(1)"');
		expect(html).toContain('&lt;b&gt;Doe mee&lt;/b&gt; &amp; &quot;nu&quot;');
	});

	it('refuses a link that is not http(s)', () => {
		expect(() => embedSnippet('javascript:alert(1)', 'x')).toThrow();
	});
});
