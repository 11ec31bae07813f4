// Attack: a link to this site whose returnTo sends the person on to another site after signing in or
// choosing a language (a phishing page that looks like the sign-in). Every variant must stay on this site,
// and none may break the page.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { HttpSession, uniqueEmail } from '../e2e/support/http-client';

const VARIANTS = [
	'//evil.example/x',
	'/\\evil.example/x',
	'/%09/evil.example/x',
	'/\t/evil.example/x',
	'/%0a',
	'/x%0d%0aSet-Cookie:%20a=b',
	'/%2F%2Fevil.example/x',
	'/%5Cevil.example/x',
	'https://evil.example/x',
	'/\\\\evil.example',
	'\u0000/evil'
];

let signedIn: HttpSession;
// Sent %-escaped in the raw URL, as fetch cannot send a tab or NUL itself.
// eslint-disable-next-line no-control-regex -- these are the characters the attack hides
const CONTROL_CHARACTERS = /[\t\u0000]/g;
const base = () => new URL(inject('baseUrl'));

function expectOnThisSite(res: Response, variant: string) {
	expect(res.status, variant).not.toBe(500);
	const location = res.headers.get('location');
	if (location === null) return;
	expect(new URL(location, base()).origin, `${variant} -> ${location}`).toBe(base().origin);
	// What a browser makes of it: it drops tabs and line breaks, and reads a backslash as a slash.
	expect(location, variant).not.toMatch(/^[\s]*[\\/][\s]*[\\/]/);
	// eslint-disable-next-line no-control-regex -- a control character in Location is what the attack needs
	expect(location, variant).not.toMatch(/[\u0000-\u001f\u007f]/);
}

beforeAll(async () => {
	signedIn = await HttpSession.signUp('Rita Redirect', uniqueEmail('redirect'));
});

describe('returnTo', () => {
	it('keeps /login on this site', async () => {
		for (const variant of VARIANTS) expectOnThisSite(await signedIn.get(`/login?returnTo=${encodeURIComponent(variant)}`), variant);
		for (const variant of VARIANTS) expectOnThisSite(await signedIn.get(`/login?returnTo=${variant.replace(CONTROL_CHARACTERS, encodeURIComponent)}`), variant);
	});

	it('keeps /signup on this site', async () => {
		for (const variant of VARIANTS) expectOnThisSite(await signedIn.get(`/signup?returnTo=${encodeURIComponent(variant)}`), variant);
		for (const variant of VARIANTS) expectOnThisSite(await signedIn.get(`/signup?returnTo=${variant.replace(CONTROL_CHARACTERS, encodeURIComponent)}`), variant);
	});

	it('keeps /language on this site', async () => {
		for (const variant of VARIANTS) expectOnThisSite(await new HttpSession().post('/language', { locale: 'en', returnTo: variant }), variant);
	});

	it('keeps the password form of /login on this site', async () => {
		const email = uniqueEmail('redirect-form');
		await HttpSession.signUp('Rob', email);
		for (const variant of VARIANTS) {
			expectOnThisSite(await new HttpSession().post('/login?/password', { email, password: 'een lang wachtwoord', returnTo: variant }), variant);
		}
	});
});
