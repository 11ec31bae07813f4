import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, databaseKind } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { allows, firmAccess, firmsOfUser } from './access';
import { addManager, grantAdviser, withdrawAdviser } from './advisers';
import { acceptInvitation, createInvitation } from './invitations';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => h.close());

describe(`firm access (${databaseKind})`, () => {
	it('gives the owner every permission and a stranger none', async () => {
		const owner = await makeUser(h.db);
		const stranger = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const ownAccess = await firmAccess(h.db, owner.id, f.slug);
		expect(allows(ownAccess, 'own')).toBe(true);
		expect(await firmAccess(h.db, stranger.id, f.slug)).toBeNull();
		expect(await firmsOfUser(h.db, stranger.id)).toEqual([]);
	});

	it('lets an adviser view but not manage, until the firm withdraws consent', async () => {
		const owner = await makeUser(h.db);
		const adviser = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const grantId = await grantAdviser(h.db, f.id, adviser.id, 'coach', owner.id);
		const access = await firmAccess(h.db, adviser.id, f.slug);
		expect(allows(access, 'view')).toBe(true);
		expect(allows(access, 'manage')).toBe(false);
		expect((await firmsOfUser(h.db, adviser.id)).map((x) => x.role)).toEqual(['adviser']);
		expect(await withdrawAdviser(h.db, f.id, grantId)).toBe(true);
		expect(await firmAccess(h.db, adviser.id, f.slug)).toBeNull();
		expect(await firmsOfUser(h.db, adviser.id)).toEqual([]);
	});

	it('does not let one firm withdraw a grant of another firm', async () => {
		const owner = await makeUser(h.db);
		const adviser = await makeUser(h.db);
		const a = await makeFirm(h.db, { ownerId: owner.id });
		const b = await makeFirm(h.db, { ownerId: owner.id });
		const grantOnA = await grantAdviser(h.db, a.id, adviser.id, 'adviser', owner.id);
		expect(await withdrawAdviser(h.db, b.id, grantOnA)).toBe(false);
		expect(await firmAccess(h.db, adviser.id, a.slug)).not.toBeNull();
	});

	it('makes a co-manager who may manage but not own', async () => {
		const owner = await makeUser(h.db);
		const colleague = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		await addManager(h.db, f.id, colleague.id);
		const access = await firmAccess(h.db, colleague.id, f.slug);
		expect(allows(access, 'manage')).toBe(true);
		expect(allows(access, 'own')).toBe(false);
	});

	it('accepts an invitation once, and only for the invited address', async () => {
		const owner = await makeUser(h.db);
		const invitee = await makeUser(h.db);
		const other = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const { token } = await createInvitation(h.db, { firmId: f.id, email: invitee.email.toUpperCase(), role: 'ambassador', invitedBy: owner.id });
		expect(await acceptInvitation(h.db, token, other)).toEqual({ ok: false, reason: 'wrong-email' });
		expect(await acceptInvitation(h.db, token, invitee)).toEqual({ ok: true, firmSlug: f.slug });
		expect(await acceptInvitation(h.db, token, invitee)).toEqual({ ok: false, reason: 'invalid' });
		expect(allows(await firmAccess(h.db, invitee.id, f.slug), 'view')).toBe(true);
	});
});
