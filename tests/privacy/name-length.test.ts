// Attack: a 20,000-character name through better-auth's own endpoints fills every page and mail that shows
// it. Every endpoint that takes a name refuses it and keeps the name as it was.
import { describe, expect, inject, it } from 'vitest';
import { HttpSession, uniqueEmail } from '../e2e/support/http-client';

const huge = 'x'.repeat(20_000);

async function api(session: HttpSession | null, path: string, body: unknown) {
	const baseUrl = inject('baseUrl');
	const headers: Record<string, string> = { 'content-type': 'application/json', origin: baseUrl };
	const init = { method: 'POST', headers, body: JSON.stringify(body) };
	return session ? session.send(`/api/auth${path}`, init) : fetch(`${baseUrl}/api/auth${path}`, init);
}

describe('a name', () => {
	it('of 20,000 characters is refused by /api/auth/update-user, and the name stays', async () => {
		const session = await HttpSession.signUp('Korte Naam', uniqueEmail('naam'));
		const res = await api(session, '/update-user', { name: huge });
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
		const account = await (await session.get('/account')).text();
		expect(account).toContain('Korte Naam');
		expect(account).not.toContain('xxxxxxxxxx');
	});

	it('of 20,000 characters is refused by /api/auth/sign-up/email', async () => {
		const res = await api(null, '/sign-up/email', { name: huge, email: uniqueEmail('lang'), password: 'een lang wachtwoord' });
		expect(res.status).toBeGreaterThanOrEqual(400);
		expect(res.status).toBeLessThan(500);
	});
});
