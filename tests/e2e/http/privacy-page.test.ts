// The page the survey's first page links to: respondents read how their anonymity is kept in their own
// language, B1 Dutch by default, English for a browser that asks for it.
import { describe, expect, inject, it } from 'vitest';

const baseUrl = inject('baseUrl');

async function privacyPage(language: string): Promise<string> {
	const res = await fetch(`${baseUrl}/privacy`, { headers: { 'accept-language': language, accept: 'text/html' } });
	expect(res.status).toBe(200);
	return res.text();
}

describe('/privacy', () => {
	it('explains the anonymity promise in Dutch to a Dutch browser, marked as Dutch', async () => {
		const page = await privacyPage('nl-NL,nl;q=0.9');
		expect(page).toContain('Zo blijven jouw antwoorden anoniem');
		expect(page).toContain('lang="nl"');
		expect(page).toContain('Wat Leerkompas niet kan tegenhouden');
	});

	it('gives the English threat model to an English browser', async () => {
		const page = await privacyPage('en-GB,en;q=0.9');
		expect(page).toContain('Privacy: who might want to know what');
		expect(page).toContain('What Leerkompas cannot prevent');
	});
});
