// Attack: a request with a forged Host header, hoping the server builds the link in a mail from it, so that
// the sign-in link in the victim's mailbox points at the attacker's site. Links come only from the
// configured public address.
import { request } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { HttpSession, uniqueEmail } from '../e2e/support/http-client';
import { mailsTo } from '../e2e/support/mail';

function postWithHost(path: string, fields: Record<string, string>, host: string): Promise<number> {
	const url = new URL(path, inject('baseUrl'));
	const body = new URLSearchParams(fields).toString();
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: url.hostname,
				port: url.port,
				path: url.pathname + url.search,
				method: 'POST',
				headers: { host, origin: `http://${host}`, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), accept: 'text/html' }
			},
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe('links in mails', () => {
	it('come from the configured address, never from a forged Host header', async () => {
		const email = uniqueEmail('host');
		await HttpSession.signUp('Hans Host', email);
		const before = (await mailsTo(email)).length;
		await postWithHost('/login?/magic', { email }, 'evil.example');
		await postWithHost('/password/forgot', { email }, 'evil.example');
		await new HttpSession().post('/login?/magic', { email });
		const mails = (await mailsTo(email)).slice(before);
		expect(mails.length).toBeGreaterThan(0);
		for (const mail of mails) {
			const links = `${mail.text ?? ''} ${mail.html ?? ''}`.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
			for (const link of links) expect(new URL(link).origin).toBe(new URL(inject('baseUrl')).origin);
			expect(`${mail.text} ${mail.html}`).not.toContain('evil.example');
		}
	});
});
