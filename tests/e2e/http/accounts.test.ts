// Signing up, signing in and magic links over plain form posts, as a browser without JavaScript does them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HttpSession, uniqueEmail } from '../support/http-client';
import { linkFromMail, mailsTo } from '../support/mail';

function latestMailTo(address: string): string {
	const outbox = join(inject('dataDir'), 'outbox');
	const mails = readdirSync(outbox)
		.map((f) => readFileSync(join(outbox, f), 'utf8'))
		.filter((text) => text.includes(address));
	if (mails.length === 0) throw new Error(`no mail to ${address}`);
	return mails.at(-1)!;
}

describe('signing up', () => {
	it('says what to fix and keeps what was typed, but never the password', async () => {
		const res = await new HttpSession().post('/signup', { name: 'Piet', email: 'geen-adres', password: 'kort' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('Vul een geldig e-mailadres in');
		expect(html).toContain('minstens 10 tekens');
		expect(html).toContain('value="Piet"');
		expect(html).not.toContain('value="kort"');
	});

	it('makes no second account on the same address, and the first keeps its password', async () => {
		const email = uniqueEmail('dubbel');
		await HttpSession.signUp('Een', email, 'het eerste wachtwoord');
		const second = new HttpSession();
		const res = await second.post('/signup', { name: 'Twee', email, password: 'een ander wachtwoord' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/check-mail');
		expect((await second.get('/firms')).status).toBe(303);
		expect((await new HttpSession().post('/login?/password', { email, password: 'een ander wachtwoord' })).status).toBe(400);
		expect((await new HttpSession().post('/login?/password', { email, password: 'het eerste wachtwoord' })).status).toBe(303);
	});

	it('signs in only after the address is proven by the link in the mail', async () => {
		const email = uniqueEmail('bewijs');
		const session = new HttpSession();
		const before = (await mailsTo(email)).length;
		const res = await session.post('/signup', { name: 'Bea', email, password: 'een lang wachtwoord' });
		expect(res.headers.get('location')).toBe('/check-mail');
		const page = await (await session.get('/check-mail')).text();
		expect(page).toContain('Kijk in uw mail');
		expect(page).toContain(email);
		expect((await session.get('/firms')).status).toBe(303);
		// Signing in with the right password before that sends the link again and says so.
		const early = await new HttpSession().post('/login?/password', { email, password: 'een lang wachtwoord' });
		expect(early.headers.get('location')).toBe('/check-mail');
		expect((await session.post('/check-mail', { email })).status).toBe(200);
		expect((await mailsTo(email)).length - before).toBe(3);
		await session.followMailLink(email, /verify-email/, before);
		expect((await session.get('/firms')).status).toBe(200);
	});
});

describe('the account\'s language', () => {
	it('is the language of the sign-up page, and what the person picks later on the account page', async () => {
		const email = uniqueEmail('english');
		const session = new HttpSession();
		await session.post('/language', { locale: 'en', returnTo: '/signup' });
		const before = (await mailsTo(email)).length;
		expect((await session.post('/signup', { name: 'Emma', email, password: 'a long password indeed' })).status).toBe(303);
		await session.followMailLink(email, /verify-email/, before);
		const checked = async (s: HttpSession) => /value="(nl|en)"[^>]*checked/.exec(await (await s.get('/account')).text())?.[1];
		expect(await checked(session)).toBe('en');
		// The Dutch page of another browser shows the account's language, not the page's.
		const elsewhere = new HttpSession();
		expect((await elsewhere.post('/login?/password', { email, password: 'a long password indeed' })).status).toBe(303);
		expect(await checked(elsewhere)).toBe('en');
		const saved = await elsewhere.post('/language', { locale: 'nl', returnTo: '/account?language-saved' });
		expect(saved.headers.get('location')).toBe('/account?language-saved');
		const page = await (await elsewhere.get('/account?language-saved')).text();
		expect(page).toContain('De taal is bewaard.');
		expect(await checked(session)).toBe('nl');
	});
});

describe('wachtwoord vergeten', () => {
	it('sets a new password through the link in the mail; the old one stops working', async () => {
		const email = uniqueEmail('reset');
		await HttpSession.signUp('Ruud', email, 'het oude wachtwoord');
		const before = (await mailsTo(email)).length;
		const asked = await new HttpSession().post('/password/forgot', { email });
		expect(asked.status).toBe(200);
		expect(await asked.text()).toContain('Als er een account is met dit e-mailadres');
		const link = await linkFromMail(email, /\/password\/reset\?token=/, { after: before });
		const token = new URL(link).searchParams.get('token')!;
		const short = await new HttpSession().post('/password/reset', { token, password: 'kort' });
		expect(short.status).toBe(400);
		const done = await new HttpSession().post('/password/reset', { token, password: 'het nieuwe wachtwoord' });
		expect(done.headers.get('location')).toBe('/login?reset=1');
		expect((await new HttpSession().post('/login?/password', { email, password: 'het oude wachtwoord' })).status).toBe(400);
		expect((await new HttpSession().post('/login?/password', { email, password: 'het nieuwe wachtwoord' })).status).toBe(303);
		const again = await new HttpSession().post('/password/reset', { token, password: 'nog een wachtwoord' });
		expect(again.status).toBe(400);
		expect(await again.text()).toContain('werkt niet meer');
	});
});

describe('signing in', () => {
	it('signs in with the right password and refuses a wrong one with a plain message', async () => {
		const email = uniqueEmail('inlog');
		await HttpSession.signUp('Inge', email, 'mijn geheime zin');
		const wrong = await new HttpSession().post('/login?/password', { email, password: 'iets anders' });
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('klopt niet');
		const session = new HttpSession();
		const right = await session.post('/login?/password', { email, password: 'mijn geheime zin' });
		expect(right.status).toBe(303);
		expect((await session.get('/firms')).status).toBe(200);
	});

	it('stops guessing after ten tries from one address for one account', async () => {
		const email = uniqueEmail('gok');
		await HttpSession.signUp('Gok', email);
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) statuses.push((await new HttpSession().post('/login?/password', { email, password: `fout ${i}` })).status);
		expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
		const last = await new HttpSession().post('/login?/password', { email, password: 'een lang wachtwoord' });
		expect(last.status).toBe(429);
		expect(await last.text()).toContain('te vaak geprobeerd');
	});

	it('signs in with a magic link from the mail, once', async () => {
		const email = uniqueEmail('link');
		await HttpSession.signUp('Linda', email);
		const res = await new HttpSession().post('/login?/magic', { email });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('krijgt u binnen een paar minuten een e-mail');
		const mail = latestMailTo(email);
		const link = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=').match(/https?:\/\/[^\s"<>]+magic-link\/verify[^\s"<>]+/)?.[0];
		expect(link).toBeDefined();
		const session = new HttpSession();
		const path = new URL(link!).pathname + new URL(link!).search;
		const verify = await session.get(path.replace(/&amp;/g, '&'));
		expect(verify.status).toBe(302);
		expect((await session.get('/firms')).status).toBe(200);
		const again = await new HttpSession().get(path.replace(/&amp;/g, '&'));
		expect(again.headers.get('location')).toContain('error');
		// A magic link never takes the password of a proven account away.
		expect((await new HttpSession().post('/login?/password', { email, password: 'een lang wachtwoord' })).status).toBe(303);
	});

	it('answers the same for an unknown address, so the form reveals no accounts', async () => {
		const res = await new HttpSession().post('/login?/magic', { email: uniqueEmail('onbekend') });
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('Als er een account is met dit e-mailadres');
	});
});

describe('a firm', () => {
	it('is refused with a plain message when it is too large for the mkb, and nothing is stored', async () => {
		const owner = await HttpSession.signUp('Groot', uniqueEmail('groot'));
		const res = await owner.post('/firms/new', { name: 'Grootbedrijf', sector: 'bouw', province: 'utrecht', employees: '400' });
		expect(res.status).toBe(400);
		const html = await res.text();
		expect(html).toContain('tot 250 medewerkers');
		expect(html).toContain('value="Grootbedrijf"');
		expect(await (await owner.get('/firms')).text()).not.toContain('Grootbedrijf');
	});
});
