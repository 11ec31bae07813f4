// Attack: finding out whether someone has an account (say, whether a colleague uses Leerkompas) from the
// answers of sign-up, invitations and "wachtwoord vergeten". Each answers the same for a known and an
// unknown address; only the owner of the address learns, by mail, that someone tried.
import { describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, uniqueEmail } from '../e2e/support/http-client';
import { linkFromMail, mailsTo } from '../e2e/support/mail';

const normalise = (html: string, email: string) => html.replaceAll(email, 'EMAIL').replace(/\s+/g, ' ');

async function answerTo(post: (email: string) => Promise<Response>, email: string) {
	const res = await post(email);
	const location = res.headers.get('location');
	const page = location ? await new HttpSession().get(location) : res;
	return { status: res.status, location: location?.replace(encodeURIComponent(email), 'EMAIL'), body: normalise(await page.text(), email) };
}

describe('whether an account exists', () => {
	it('does not show on sign-up; the existing owner gets a notice by mail instead', async () => {
		const existing = uniqueEmail('bestaat');
		await HttpSession.signUp('Bestaand', existing);
		const unknown = uniqueEmail('nieuw');
		const signUp = (email: string) => new HttpSession().post('/signup', { name: 'Iemand', email, password: 'een ander lang wachtwoord' });
		const before = (await mailsTo(existing)).length;
		const a = await answerTo(signUp, existing);
		const b = await answerTo(signUp, unknown);
		expect(a).toEqual(b);
		expect(a.status).toBe(303);
		// Each address gets one mail: the new one a link to confirm it, the existing one a notice with a way in.
		await linkFromMail(unknown, /verify-email/);
		await linkFromMail(existing, /\/password\/forgot|\/login/, { after: before });
	});

	it('does not show on an invitation', async () => {
		const owner = await HttpSession.signUp('Olga Eigenaar', uniqueEmail('olga'));
		const slug = await createFirmOver(owner, 'Bakkerij Zwijgzaam');
		const existing = uniqueEmail('adviseur-bestaat');
		await HttpSession.signUp('Ada Adviseur', existing);
		const invite = (email: string) => owner.post(`/firms/${slug}/team?/invite`, { email, role: 'adviser' });
		const a = await answerTo(invite, existing);
		const b = await answerTo(invite, uniqueEmail('adviseur-nieuw'));
		expect(a.status).toBe(b.status);
		const notice = (body: string) => body.match(/<div class="notice ok"[^>]*>(.*?)<\/div>/)?.[1];
		expect(notice(a.body)).toBeDefined();
		expect(notice(a.body)).toBe(notice(b.body));
	});

	it('does not show on "wachtwoord vergeten"', async () => {
		const existing = uniqueEmail('vergeten');
		await HttpSession.signUp('Vera', existing);
		const forgot = (email: string) => new HttpSession().post('/password/forgot', { email });
		const a = await answerTo(forgot, existing);
		const b = await answerTo(forgot, uniqueEmail('vergeten-onbekend'));
		expect(a.status).toBe(200);
		expect(a).toEqual(b);
	});
});
