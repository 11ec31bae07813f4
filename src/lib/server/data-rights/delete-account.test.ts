import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday, makeRound, randomToken } from '../../../../tests/helpers/scan-factories';
import type { DatabaseHandle } from '../db/client';
import { account, adviserGrant, dataAgreement, deletionLog, developmentPlan, exportAudit, firm, firmInvitation, firmMember, planShare, session, user } from '../db/schema';
import { confirmsEmail, deleteAccount, firmsOnlyOwnedBy } from './delete-account';
import { subjectHash } from './delete-firm';

const today = dayFromToday(0);
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe('confirmsEmail', () => {
	it('asks for the address again, ignoring capitals and spaces around it', () => {
		expect(confirmsEmail(' Anna@Example.nl ', 'anna@example.nl')).toBe(true);
		expect(confirmsEmail('anna@example.com', 'anna@example.nl')).toBe(false);
		expect(confirmsEmail('', '')).toBe(false);
	});
});

describe(`deleting one's own account (${databaseKind})`, () => {
	it('refuses the last owner of a firm, naming the firm, and deletes nothing', async () => {
		const owner = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id, name: 'Bakkerij Alleen' });
		expect(await deleteAccount(h.db, { userId: owner.id, confirmEmail: owner.email, today })).toEqual({
			ok: false,
			reason: 'last_owner',
			firms: [{ slug: f.slug, name: 'Bakkerij Alleen' }]
		});
		expect(await h.db.$count(user, eq(user.id, owner.id))).toBe(1);
		expect(await h.db.$count(firmMember, eq(firmMember.userId, owner.id))).toBe(1);
	});

	it('refuses when the typed address is not the account’s', async () => {
		const someone = await makeUser(h.db);
		expect(await deleteAccount(h.db, { userId: someone.id, confirmEmail: 'iemand@anders.nl', today })).toEqual({ ok: false, reason: 'email_mismatch' });
		expect(await h.db.$count(user, eq(user.id, someone.id))).toBe(1);
	});

	it('lets an owner go when the firm has another owner; the firm stays', async () => {
		const first = await makeUser(h.db);
		const second = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: first.id });
		await h.db.insert(firmMember).values({ firmId: f.id, userId: second.id, role: 'owner' });
		expect(await firmsOnlyOwnedBy(h.db, first.id)).toEqual([]);
		expect((await deleteAccount(h.db, { userId: first.id, confirmEmail: first.email, today })).ok).toBe(true);
		expect(await h.db.$count(firm, eq(firm.id, f.id))).toBe(1);
		expect(await firmsOnlyOwnedBy(h.db, second.id)).toEqual([{ slug: f.slug, name: f.name }]);
	});

	it('removes sessions, sign-in methods, memberships, grants and agreements; keeps the export log’s plain id', async () => {
		const owner = await makeUser(h.db);
		const person = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const round = await makeRound(h.db, f.id);
		await h.db.insert(session).values({ id: randomToken(), token: randomToken(), userId: person.id, expiresAt: new Date(Date.now() + 86_400_000) });
		await h.db.insert(account).values({ id: randomToken(), accountId: person.id, providerId: 'credential', userId: person.id, password: 'x' });
		await h.db.insert(firmMember).values({ firmId: f.id, userId: person.id, role: 'manager' });
		await h.db.insert(adviserGrant).values({ firmId: f.id, adviserId: person.id, kind: 'adviser', grantedBy: owner.id });
		await h.db.insert(dataAgreement).values({ firmId: f.id, userId: person.id, recordedBy: owner.id });
		await h.db.insert(firmInvitation).values({ firmId: f.id, email: 'x@example.nl', role: 'manager', tokenHash: randomToken(), invitedBy: person.id, expiresAt: new Date() });
		await h.db.insert(exportAudit).values({ firmId: f.id, roundId: round.id, userId: person.id, basis: 'manager', level: 'statements', format: 'csv', respondents: 5 });
		const [plan] = await h.db.insert(developmentPlan).values({ userId: person.id, title: 'Lassen leren', goals: [] }).returning();
		await h.db.insert(planShare).values({ planId: plan!.id, sharedWithFirm: f.id, sections: ['what'], sharedOn: today });

		const result = await deleteAccount(h.db, { userId: person.id, confirmEmail: person.email, today });
		expect(result).toEqual({ ok: true, rows: { user: 1, session: 1, account: 1, firm_member: 1, adviser_grant: 1, data_agreement: 1, directory_listing: 0, development_plan: 1 } });
		// The plans are the worker's: they go with the account, and their shares with them.
		expect(await h.db.$count(developmentPlan, eq(developmentPlan.userId, person.id))).toBe(0);
		expect(await h.db.$count(planShare, eq(planShare.planId, plan!.id))).toBe(0);
		expect(await h.db.$count(user, eq(user.id, person.id))).toBe(0);
		expect(await h.db.$count(session, eq(session.userId, person.id))).toBe(0);
		expect(await h.db.$count(firmMember, eq(firmMember.userId, person.id))).toBe(0);
		expect(await h.db.$count(adviserGrant, eq(adviserGrant.adviserId, person.id))).toBe(0);
		expect(await h.db.$count(dataAgreement, eq(dataAgreement.userId, person.id))).toBe(0);
		// The firm's invitation stays, without a link to the person who sent it.
		const [invitation] = await h.db.select().from(firmInvitation).where(eq(firmInvitation.firmId, f.id));
		expect(invitation?.invitedBy).toBeNull();
		expect(await h.db.$count(exportAudit, eq(exportAudit.userId, person.id))).toBe(1);
		const [log] = await h.db.select().from(deletionLog).where(eq(deletionLog.subjectHash, subjectHash(person.id)));
		expect(log).toMatchObject({ kind: 'account', deletedOn: today });
		expect(JSON.stringify(log)).not.toContain(person.email);
	});
});
