// Every role tries to read and change a firm that is not theirs, through pages, form actions and the API.
// A firm out of reach answers 404, exactly like a firm that does not exist.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, createFirmOver, inviteAndAccept, uniqueEmail } from '../support/http-client';

let ownerA: HttpSession, ownerB: HttpSession, adviserOfA: HttpSession, managerOfA: HttpSession, anonymous: HttpSession;
let firmA: string, firmB: string, adviserEmail: string, managerEmail: string;

beforeAll(async () => {
	ownerA = await HttpSession.signUp('Anna Eigenaar', uniqueEmail('anna'));
	ownerB = await HttpSession.signUp('Bert Eigenaar', uniqueEmail('bert'));
	adviserEmail = uniqueEmail('adviseur');
	adviserOfA = await HttpSession.signUp('Ada Adviseur', adviserEmail);
	managerEmail = uniqueEmail('collega');
	managerOfA = await HttpSession.signUp('Cor Collega', managerEmail);
	anonymous = new HttpSession();
	firmA = await createFirmOver(ownerA, 'Bakkerij Anna');
	firmB = await createFirmOver(ownerB, 'Garage Bert');
	await inviteAndAccept(ownerA, firmA, adviserOfA, adviserEmail, 'coach');
	await inviteAndAccept(ownerA, firmA, managerOfA, managerEmail, 'manager');
});

async function adviserGrantIdOnA(): Promise<string> {
	const html = await (await ownerA.get(`/firms/${firmA}/team`)).text();
	const id = html.match(/name="grantId" value="([0-9a-f-]{36})"/)?.[1];
	if (!id) throw new Error('no grant on the team page');
	return id;
}

describe('another firm owner', () => {
	it('cannot open the firm, its team page or its API', async () => {
		expect((await ownerB.get(`/firms/${firmA}`)).status).toBe(404);
		expect((await ownerB.get(`/firms/${firmA}/team`)).status).toBe(404);
		expect((await ownerB.get(`/api/firms/${firmA}`)).status).toBe(404);
		expect((await ownerB.get(`/api/firms/${firmB}`)).status).toBe(200);
	});

	it('cannot invite, withdraw or remove people in the firm', async () => {
		const grantId = await adviserGrantIdOnA();
		expect((await ownerB.post(`/firms/${firmA}/team?/invite`, { email: uniqueEmail('x'), role: 'adviser' })).status).toBe(404);
		expect((await ownerB.post(`/firms/${firmA}/team?/withdraw`, { grantId })).status).toBe(404);
		// withdrawing A's grant through B's own firm does not touch it either
		expect((await ownerB.post(`/firms/${firmB}/team?/withdraw`, { grantId })).status).toBe(404);
		expect((await adviserOfA.get(`/firms/${firmA}`)).status).toBe(200);
	});
});

describe('an adviser with access', () => {
	it('can view the firm but not manage it', async () => {
		expect((await adviserOfA.get(`/firms/${firmA}`)).status).toBe(200);
		expect((await adviserOfA.get(`/api/firms/${firmA}`)).status).toBe(200);
		expect((await adviserOfA.get(`/firms/${firmA}/team`)).status).toBe(404);
		expect((await adviserOfA.post(`/firms/${firmA}/team?/invite`, { email: uniqueEmail('y'), role: 'adviser' })).status).toBe(404);
	});

	it('cannot see another firm', async () => {
		expect((await adviserOfA.get(`/firms/${firmB}`)).status).toBe(404);
		expect((await adviserOfA.get(`/api/firms/${firmB}`)).status).toBe(404);
	});
});

describe('a co-manager', () => {
	it('manages the firm, but cannot remove managers or reach another firm', async () => {
		expect((await managerOfA.get(`/firms/${firmA}/team`)).status).toBe(200);
		const html = await (await ownerA.get(`/firms/${firmA}/team`)).text();
		const managerId = html.match(/name="userId" value="([^"]+)"/)?.[1] ?? '';
		expect(managerId).not.toBe('');
		expect((await managerOfA.post(`/firms/${firmA}/team?/removeManager`, { userId: managerId })).status).toBe(404);
		expect((await managerOfA.get(`/firms/${firmB}`)).status).toBe(404);
		expect((await managerOfA.post(`/firms/${firmB}/team?/invite`, { email: uniqueEmail('z'), role: 'adviser' })).status).toBe(404);
	});
});

describe('someone not signed in', () => {
	it('is sent to sign in for pages and gets 401 from the API', async () => {
		const page = await anonymous.get(`/firms/${firmA}`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toContain('/login?returnTo=');
		expect((await anonymous.get(`/api/firms/${firmA}`)).status).toBe(401);
		const action = await anonymous.post(`/firms/${firmA}/team?/invite`, { email: uniqueEmail('q'), role: 'adviser' });
		expect(action.status).toBe(303);
		expect((await anonymous.get('/admin')).status).toBe(303);
	});
});

describe('protection of every form', () => {
	it('refuses a form post from another site (CSRF)', async () => {
		const res = await ownerA.post(`/firms/${firmA}/team?/invite`, { email: uniqueEmail('csrf'), role: 'adviser' }, { origin: 'https://evil.example' });
		expect(res.status).toBe(403);
	});

	it('does not open the admin page or its actions to a firm owner', async () => {
		expect((await ownerA.get('/admin')).status).toBe(404);
		const html = await (await ownerA.get(`/firms/${firmA}/team`)).text();
		const someUserId = html.match(/name="userId" value="([^"]+)"/)?.[1] ?? 'x';
		expect((await ownerA.post('/admin?/setRole', { userId: someUserId, role: 'admin' })).status).toBe(404);
		expect((await adviserOfA.post('/admin?/setRole', { userId: someUserId, role: 'admin' })).status).toBe(404);
	});

	it('sends security headers with a content security policy without inline script', async () => {
		const res = await anonymous.get('/login');
		const csp = res.headers.get('content-security-policy') ?? '';
		expect(csp).toContain("script-src 'self'");
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('referrer-policy')).toBe('same-origin');
	});

	it('sets the session cookie HttpOnly and SameSite', async () => {
		const email = uniqueEmail('cookie');
		await HttpSession.signUp('Cookie Test', email);
		const res = await fetch(`${baseUrl()}/login?/password`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: baseUrl(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ email, password: 'een lang wachtwoord' }).toString()
		});
		const sessionCookie = res.headers.getSetCookie().find((c) => c.includes('session_token'));
		expect(sessionCookie).toBeDefined();
		expect(sessionCookie).toMatch(/HttpOnly/i);
		expect(sessionCookie).toMatch(/SameSite=Lax/i);
	});
});

function baseUrl() {
	return new HttpSession().baseUrl;
}
