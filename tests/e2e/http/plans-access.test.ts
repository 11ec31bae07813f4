// Who reaches a worker's development plan and kept self-scan (issue 13: "nothing of a self-scan or an unshared
// plan can be reached by the owner, a co-manager, an adviser or an admin"). The author alone opens, changes,
// prints, shares and deletes a plan; the firm's owner and co-managers see only the sections shared with the
// firm; a colleague only what was shared with their address; everybody else, whatever their role, gets 404.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { forwardedAddressEnv } from '../support/http-client';
import { useSeededServer } from '../support/seeded-server';
import { useRoleSessions } from '../support/roles';
import { makeFirm } from '../../helpers/factories';
import { makeSignInUser } from '../../helpers/scan-factories';
import { adviserGrant, developmentPlan, firmMember, planShare, user } from '../../../src/lib/server/db/schema';
import type { Database } from '../../../src/lib/server/db/client';
import type { PlanGoal } from '../../../src/lib/domain/plans/plan';
import { firmPlanCode } from '../../../src/lib/server/plans/shared-plans';
import { keepSelfScan } from '../../../src/lib/server/self-scan/keep-self-scan';

const password = 'koffie en een stroopwafel';
const goal = (what: string, how: string): PlanGoal => ({ what, why: '', ways: ['colleague'], howDetail: how, offerId: null, support: '', byWhen: '', evidence: '' });

async function seed(db: Database) {
	const people = {
		worker: await makeSignInUser(db, 'wim@example.nl', password, 'Wim Werker'),
		colleague: await makeSignInUser(db, 'carla@example.nl', password, 'Carla Collega'),
		owner: await makeSignInUser(db, 'olga@example.nl', password, 'Olga Eigenaar'),
		manager: await makeSignInUser(db, 'cor@example.nl', password, 'Cor Mede-beheerder'),
		adviser: await makeSignInUser(db, 'ada@example.nl', password, 'Ada Adviseur'),
		coordinator: await makeSignInUser(db, 'nina@example.nl', password, 'Nina Netwerk'),
		admin: await makeSignInUser(db, 'bea@example.nl', password, 'Bea Beheer'),
		outsider: await makeSignInUser(db, 'bert@example.nl', password, 'Bert Buurman')
	};
	await db.update(user).set({ role: 'coordinator' }).where(eq(user.id, people.coordinator.id));
	await db.update(user).set({ role: 'admin' }).where(eq(user.id, people.admin.id));
	const firm = await makeFirm(db, { name: 'Bakkerij Olga', ownerId: people.owner.id, employees: 12 });
	const other = await makeFirm(db, { name: 'Garage Bert', ownerId: people.outsider.id, employees: 12 });
	await db.insert(firmMember).values({ firmId: firm.id, userId: people.manager.id, role: 'manager' });
	await db.insert(adviserGrant).values({ firmId: firm.id, adviserId: people.adviser.id, kind: 'coach', grantedBy: people.owner.id });
	const code = await firmPlanCode(db, firm.id);
	const [secret] = await db.insert(developmentPlan).values({ userId: people.worker.id, title: 'Geheim plan van Wim', situation: 'Geheime situatie', goals: [goal('Geheim leerdoel', 'Geheime aanpak')] }).returning();
	const [shared] = await db.insert(developmentPlan).values({ userId: people.worker.id, title: 'Gedeeld plan van Wim', situation: 'Niet gedeelde situatie', goals: [goal('Gedeeld leerdoel', 'Alleen voor Carla')] }).returning();
	const [withFirm] = await db.insert(planShare).values({ planId: shared!.id, sharedWithFirm: firm.id, sections: ['what'], sharedOn: '2026-11-01' }).returning();
	const [withCarla] = await db.insert(planShare).values({ planId: shared!.id, sharedWithEmail: 'carla@example.nl', sections: ['how'], sharedOn: '2026-11-01' }).returning();
	const { token } = await keepSelfScan(db, { version: 'v1', open: { wantToLearn: 'Geheime zelfscan' }, choices: {} }, '2026-11-01');
	return { people, firm, other, code, secret: secret!, shared: shared!, withFirm: withFirm!, withCarla: withCarla!, selfScanToken: token };
}

const server = useSeededServer(seed, forwardedAddressEnv);
const s = server.seeded;
const sessions = useRoleSessions(server, password);

const planPages = () => [`/me/plans/${s.secret.id}`, `/me/plans/${s.secret.id}/share`, `/me/plans/${s.secret.id}/plan.pdf`, `/me/plans/${s.shared.id}`, `/me/plans/${s.shared.id}/share`, `/me/plans/${s.shared.id}/plan.pdf`];
const planPosts = (): { path: string; fields: Record<string, string> }[] => [
	{ path: `/me/plans/${s.secret.id}?/save`, fields: { title: 'Overgenomen', 'goal0.what': 'Ingebroken' } },
	{ path: `/me/plans/${s.secret.id}?/delete`, fields: {} },
	{ path: `/me/plans/${s.secret.id}/share?/firm`, fields: { code: s.code, sections: 'situation' } },
	{ path: `/me/plans/${s.secret.id}/share?/colleague`, fields: { email: 'bert@example.nl', sections: 'situation' } },
	{ path: `/me/plans/${s.shared.id}/share?/change`, fields: { share: s.withFirm.id, sections: 'situation' } },
	{ path: `/me/plans/${s.shared.id}/share?/stop`, fields: { share: s.withCarla.id } }
];
const secrets = ['Geheim plan van Wim', 'Geheime situatie', 'Geheim leerdoel', 'Geheime aanpak', 'Geheime zelfscan'];
/** A kept self-scan's link with one character of its key changed: what anyone without the link could try. */
const guessedLink = () => `/self-scan/k/${s.selfScanToken.slice(0, -2)}${s.selfScanToken.endsWith('AA') ? 'BB' : 'AA'}`;

describe('the author', () => {
	it('opens, prints and shares their own plans', async () => {
		for (const path of planPages()) expect((await sessions.worker!.get(path)).status, path).toBe(200);
		const list = await (await sessions.worker!.get('/me/plans')).text();
		expect(list).toContain('Geheim plan van Wim');
		expect(list).toContain('Gedeeld plan van Wim');
	});

	it('is told beside the share itself when a change to it is refused (a colleague gets at least one section)', async () => {
		const res = await sessions.worker!.post(`/me/plans/${s.shared.id}/share?/change`, { share: s.withCarla.id });
		expect(res.status).toBe(400);
		const page = await res.text();
		const start = page.indexOf(`id="s-${s.withCarla.id}-situation"`);
		expect(start).toBeGreaterThan(-1);
		// The share's own fieldset ends at the next </fieldset>: the message must stand inside it.
		expect(page.slice(start, page.indexOf('</fieldset>', start))).toContain('Vink minstens één deel aan.');
	});
});

describe.each(['owner', 'manager', 'adviser', 'coordinator', 'admin', 'outsider', 'colleague'])('the %s', (role) => {
	it('gets 404 on every page and form of the worker’s plans, and changes nothing', async () => {
		const session = sessions[role]!;
		for (const path of planPages()) expect((await session.get(path)).status, path).toBe(404);
		for (const { path, fields } of planPosts()) expect((await session.post(path, fields)).status, path).toBe(404);
	});

	it('finds nothing of an unshared plan or a kept self-scan on any page they can open', async () => {
		const session = sessions[role]!;
		const paths = ['/me/plans', `/firms/${s.firm.slug}`, `/firms/${s.firm.slug}/plans`, `/firms/${s.other.slug}/plans`, '/admin'];
		for (const path of paths) {
			const html = await (await session.get(path)).text();
			for (const secret of secrets) expect(html, `${path}: ${secret}`).not.toContain(secret);
		}
		expect((await session.get(guessedLink())).status).toBe(404);
	});
});

describe('the firm', () => {
	it.each(['owner', 'manager'])('the %s sees the shared section only', async (role) => {
		const res = await sessions[role]!.get(`/firms/${s.firm.slug}/plans`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Gedeeld leerdoel');
		expect(html).toContain('Wim Werker');
		for (const notShared of ['Niet gedeelde situatie', 'Alleen voor Carla']) expect(html).not.toContain(notShared);
		expect(html).toContain(s.code);
	});

	it.each(['adviser', 'coordinator', 'admin', 'outsider', 'worker', 'colleague'])('the %s gets 404 on the firm’s plans page', async (role) => {
		expect((await sessions[role]!.get(`/firms/${s.firm.slug}/plans`)).status).toBe(404);
	});
});

describe('a share with a colleague', () => {
	it('the colleague reads the shared section, nothing else', async () => {
		const res = await sessions.colleague!.get(`/me/plans/shared/${s.withCarla.id}`);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain('Alleen voor Carla');
		for (const notShared of ['Gedeeld leerdoel', 'Niet gedeelde situatie']) expect(html).not.toContain(notShared);
	});

	it.each(['worker', 'owner', 'manager', 'adviser', 'coordinator', 'admin', 'outsider'])('the %s gets 404 on it', async (role) => {
		expect((await sessions[role]!.get(`/me/plans/shared/${s.withCarla.id}`)).status).toBe(404);
		expect((await sessions[role]!.get(`/me/plans/shared/${s.withFirm.id}`)).status).toBe(404);
	});
});

describe('someone signed out', () => {
	it('is sent to sign in, and changes nothing', async () => {
		const session = sessions.anonymous!;
		for (const path of [...planPages(), '/me/plans', '/me/plans/new', `/me/plans/shared/${s.withCarla.id}`]) {
			const res = await session.get(path);
			expect(res.status, path).toBe(303);
			expect(res.headers.get('location'), path).toContain('/login?returnTo=');
		}
		for (const { path, fields } of planPosts()) expect((await session.post(path, fields)).status, path).toBe(303);
	});
});

describe('afterwards, in the database', () => {
	it('holds the plans and shares as the worker left them', async () => {
		const found = await server.inspect(async (db) => ({
			plans: await db.select({ title: developmentPlan.title }).from(developmentPlan),
			shares: await db.select({ id: planShare.id, sections: planShare.sections }).from(planShare)
		}));
		expect(found.plans.map((p) => p.title).sort()).toEqual(['Gedeeld plan van Wim', 'Geheim plan van Wim']);
		expect(found.shares.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
			[
				{ id: s.withFirm.id, sections: ['what'] },
				{ id: s.withCarla.id, sections: ['how'] }
			].sort((a, b) => a.id.localeCompare(b.id))
		);
	});
});
