// Attack: someone signs up with the bookkeeper's address before the owner invites the bookkeeper, and hopes
// the invitation makes that account a co-manager. Without the bookkeeper's mail they must get nothing.
import { describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, uniqueEmail } from '../e2e/support/http-client';
import { linkFromMail, mailsTo, pathOf } from '../e2e/support/mail';

describe('an invitation', () => {
	it('gives nothing to someone who signed up with the invited address but cannot read its mail', async () => {
		const bookkeeper = uniqueEmail('boekhouder');
		const attacker = new HttpSession();
		await attacker.post('/signup', { name: 'Boekhouder', email: bookkeeper, password: 'een lang wachtwoord' });
		await attacker.post('/login?/password', { email: bookkeeper, password: 'een lang wachtwoord' });

		const owner = await HttpSession.signUp('Olga Eigenaar', uniqueEmail('olga'));
		const slug = await createFirmOver(owner, 'Bakkerij Hijack');
		expect((await owner.post(`/firms/${slug}/team?/invite`, { email: bookkeeper, role: 'manager' })).status).toBe(200);

		for (const path of [`/firms/${slug}`, `/firms/${slug}/team`, `/firms/${slug}/rounds/import`]) {
			const res = await attacker.get(path);
			expect(res.status, path).not.toBe(200);
			expect(await res.text()).not.toContain('Bakkerij Hijack');
		}
		expect(await (await attacker.get('/firms')).text()).not.toContain('Bakkerij Hijack');
	});

	it('gives an existing, proven account access only after it accepts through the mailed link', async () => {
		const adviserEmail = uniqueEmail('adviseur');
		const adviser = await HttpSession.signUp('Ada Adviseur', adviserEmail);
		const owner = await HttpSession.signUp('Piet Eigenaar', uniqueEmail('piet'));
		const slug = await createFirmOver(owner, 'Garage Wacht Even');
		const before = (await mailsTo(adviserEmail)).length;
		expect((await owner.post(`/firms/${slug}/team?/invite`, { email: adviserEmail, role: 'coach' })).status).toBe(200);

		expect((await adviser.get(`/firms/${slug}`)).status).toBe(404);
		const team = await (await owner.get(`/firms/${slug}/team`)).text();
		expect(team).toContain(adviserEmail);

		const link = await linkFromMail(adviserEmail, /\/invitations\//, { after: before });
		expect((await adviser.post(pathOf(link), {})).status).toBe(303);
		expect((await adviser.get(`/firms/${slug}`)).status).toBe(200);
	});

	it('can be withdrawn before it is accepted, after which its link does nothing', async () => {
		const email = uniqueEmail('ingetrokken');
		const invitee = await HttpSession.signUp('Ineke', email);
		const owner = await HttpSession.signUp('Wim Eigenaar', uniqueEmail('wim'));
		const slug = await createFirmOver(owner, 'Schilder Wim');
		const before = (await mailsTo(email)).length;
		expect((await owner.post(`/firms/${slug}/team?/invite`, { email, role: 'manager' })).status).toBe(200);
		const link = await linkFromMail(email, /\/invitations\//, { after: before });
		const team = await (await owner.get(`/firms/${slug}/team`)).text();
		const invitationId = team.match(/name="invitationId" value="([0-9a-f-]{36})"/)?.[1];
		expect(invitationId).toBeDefined();
		expect((await owner.post(`/firms/${slug}/team?/withdrawInvitation`, { invitationId: invitationId! })).status).toBe(200);
		expect(await (await owner.get(`/firms/${slug}/team`)).text()).not.toContain(email);
		expect((await invitee.post(pathOf(link), {})).status).toBe(400);
		expect((await invitee.get(`/firms/${slug}`)).status).toBe(404);
	});
});
