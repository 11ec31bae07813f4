// Attack: guessing a password through the sign-in API while sending a different X-Forwarded-For each time,
// so that every guess looks like it comes from a new address. Without a proxy configured, the client's own
// header must count for nothing.
import { describe, expect, inject, it } from 'vitest';
import { uniqueEmail } from '../e2e/support/http-client';

describe('the sign-in API', () => {
	it('stops eight wrong passwords from one client, whatever X-Forwarded-For it sends', async () => {
		const baseUrl = inject('baseUrl');
		const email = uniqueEmail('xff');
		const statuses: number[] = [];
		for (let i = 0; i < 8; i++) {
			const res = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', origin: baseUrl, 'x-forwarded-for': `203.0.113.${i + 1}` },
				body: JSON.stringify({ email, password: `fout wachtwoord ${i}` })
			});
			statuses.push(res.status);
			await res.arrayBuffer();
		}
		expect(statuses).toContain(429);
	});
});
