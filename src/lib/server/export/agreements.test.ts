import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { addAgreement, agreementFirmsOfUser, agreementsOfFirm, hasAgreement, revokeAgreement } from './agreements';

let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe(`data agreements (${databaseKind})`, () => {
	it('are recorded by a platform admin only, for an existing account and firm', async () => {
		const admin = await makeUser(h.db, { role: 'admin' });
		const notAdmin = await makeUser(h.db);
		const researcher = await makeUser(h.db);
		const f = await makeFirm(h.db, { name: 'Garage Wiel' });
		expect(await addAgreement(h.db, { firmSlug: f.slug, email: researcher.email, recordedByEmail: notAdmin.email })).toEqual({ ok: false, reason: 'recorder_not_admin' });
		expect(await addAgreement(h.db, { firmSlug: 'bestaat-niet', email: researcher.email, recordedByEmail: admin.email })).toEqual({ ok: false, reason: 'firm_not_found' });
		expect(await addAgreement(h.db, { firmSlug: f.slug, email: 'niemand@example.nl', recordedByEmail: admin.email })).toEqual({ ok: false, reason: 'user_not_found' });
		expect(await hasAgreement(h.db, f.id, researcher.id)).toBe(false);

		expect(await addAgreement(h.db, { firmSlug: f.slug, email: researcher.email.toUpperCase(), recordedByEmail: admin.email })).toEqual({ ok: true, firmName: 'Garage Wiel', userName: researcher.name });
		expect(await hasAgreement(h.db, f.id, researcher.id)).toBe(true);
		expect(await addAgreement(h.db, { firmSlug: f.slug, email: researcher.email, recordedByEmail: admin.email })).toEqual({ ok: false, reason: 'already_active' });
		expect(await agreementFirmsOfUser(h.db, researcher.id)).toEqual([{ firmId: f.id, slug: f.slug, name: 'Garage Wiel' }]);
	});

	it('end when revoked, and the firm still sees the record', async () => {
		const admin = await makeUser(h.db, { role: 'admin' });
		const researcher = await makeUser(h.db);
		const f = await makeFirm(h.db);
		await addAgreement(h.db, { firmSlug: f.slug, email: researcher.email, recordedByEmail: admin.email });
		expect((await revokeAgreement(h.db, { firmSlug: f.slug, email: researcher.email })).ok).toBe(true);
		expect(await hasAgreement(h.db, f.id, researcher.id)).toBe(false);
		expect(await revokeAgreement(h.db, { firmSlug: f.slug, email: researcher.email })).toEqual({ ok: false, reason: 'not_active' });
		const [line] = await agreementsOfFirm(h.db, f.id);
		expect(line).toMatchObject({ userEmail: researcher.email });
		expect(line!.revokedAt).toBeInstanceOf(Date);
		expect(await agreementFirmsOfUser(h.db, researcher.id)).toEqual([]);
	});
});
