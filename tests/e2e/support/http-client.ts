// A tiny cookie-keeping HTTP client that posts forms the way a browser without JavaScript does.
import { inject } from 'vitest';
import { linkFromMail, mailsTo, pathOf } from './mail';

export class HttpSession {
	private cookies = new Map<string, string>();
	constructor(readonly baseUrl = inject('baseUrl')) {}

	private cookieHeader() {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	private remember(res: Response) {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			const eq = pair!.indexOf('=');
			const name = pair!.slice(0, eq).trim();
			const value = pair!.slice(eq + 1).trim();
			if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	/** A page, asked for as a browser does (accept: text/html, so errors come back as pages). */
	async get(path: string, headers: Record<string, string> = {}) {
		const res = await fetch(this.baseUrl + path, { redirect: 'manual', headers: { cookie: this.cookieHeader(), accept: 'text/html', ...headers } });
		this.remember(res);
		return res;
	}

	async post(path: string, fields: Record<string, string>, options: { origin?: string } = {}) {
		const res = await fetch(this.baseUrl + path, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				cookie: this.cookieHeader(),
				origin: options.origin ?? this.baseUrl,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html'
			},
			body: new URLSearchParams(fields).toString()
		});
		this.remember(res);
		return res;
	}

	/** Any request with this session's cookies, as a page of this site sends it (a multipart upload, say). */
	async send(path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}) {
		const res = await fetch(this.baseUrl + path, {
			redirect: 'manual',
			...init,
			headers: { cookie: this.cookieHeader(), origin: this.baseUrl, accept: 'text/html', ...init.headers }
		});
		this.remember(res);
		return res;
	}

	/** A new session of this class, signed up as a new account whose address is proven by the link in the mail. */
	static async signUp<T extends HttpSession>(this: new () => T, name: string, email: string, password = 'een lang wachtwoord'): Promise<T> {
		const session = new this();
		const before = (await mailsTo(email)).length;
		const res = await session.post('/signup', { name, email, password });
		if (res.status !== 303) throw new Error(`sign-up failed for ${email}: ${res.status} ${await res.text()}`);
		if ((await session.get('/firms')).status === 200) return session;
		await session.followMailLink(email, /verify-email/, before);
		if ((await session.get('/firms')).status !== 200) throw new Error(`the verification link did not sign ${email} in`);
		return session;
	}

	/** Follows the newest link like `pattern` in a mail to `email` (sent after the first `after` mails) and its redirects on this site. */
	async followMailLink(email: string, pattern: RegExp, after = 0, dataDir?: string): Promise<Response> {
		let res = await this.get(pathOf(await linkFromMail(email, pattern, { after, dataDir })));
		for (let hops = 0; hops < 5 && res.status >= 300 && res.status < 400; hops++) {
			const location = new URL(res.headers.get('location') ?? '/', this.baseUrl);
			if (location.origin !== new URL(this.baseUrl).origin) break;
			res = await this.get(location.pathname + location.search);
		}
		return res;
	}
}

/** Invites `email` to the firm from `inviter`'s session and accepts it from `invitee`'s, through the mailed link. */
export async function inviteAndAccept(inviter: HttpSession, slug: string, invitee: HttpSession, email: string, role: string) {
	const before = (await mailsTo(email)).length;
	const res = await inviter.post(`/firms/${slug}/team?/invite`, { email, role });
	if (res.status !== 200) throw new Error(`invitation failed: ${res.status} ${await res.text()}`);
	const link = await linkFromMail(email, /\/invitations\//, { after: before });
	const accepted = await invitee.post(pathOf(link), {});
	if (accepted.status !== 303) throw new Error(`accepting the invitation failed: ${accepted.status} ${await accepted.text()}`);
}

let n = 0;
export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${n++}@example.nl`;

export async function createFirmOver(session: HttpSession, name: string, employees = '12') {
	const res = await session.post('/firms/new', { name, sector: 'bouw', province: 'groningen', employees });
	const location = res.headers.get('location') ?? '';
	if (res.status !== 303 || !location.startsWith('/firms/')) throw new Error(`creating firm failed: ${res.status} ${await res.text()}`);
	return location.slice('/firms/'.length);
}

/** What a seeded server needs to read a client's address from `x-forwarded-for` (as behind a proxy), so `signInFromOwnAddress` works. */
export const forwardedAddressEnv = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };

let addresses = 0;
/**
 * Signs in through the password form, each time from an address of its own: sign-in is limited per address,
 * and a suite signs in more people than that limit allows from one. The server must run with `forwardedAddressEnv`.
 */
export async function signInFromOwnAddress(baseUrl: string, email: string, password: string): Promise<HttpSession> {
	const n = addresses++;
	const session = new HttpSession(baseUrl);
	const res = await session.send('/login?/password', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': `10.0.${Math.floor(n / 250)}.${(n % 250) + 1}` },
		body: new URLSearchParams({ email, password }).toString()
	});
	if (res.status !== 303) throw new Error(`sign-in failed for ${email}: ${res.status}`);
	return session;
}
