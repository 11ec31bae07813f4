// A learning ambassador: a colleague who joins the action plan and the follow-up session, and sees the
// report only while the owner has switched that on; every switch is logged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../db/client';
import { ambassadorReportConsent } from '../db/schema';
import { allows, firmAccess, firmsOfUser } from './access';
import { grantAdviser, withdrawAdviser } from './advisers';
import { ambassadorReportLog, setAmbassadorReport } from './ambassador-report';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => h.close());

async function firmWithAmbassador() {
	const owner = await makeUser(h.db, { name: 'Olga Eigenaar' });
	const ambassador = await makeUser(h.db, { name: 'Anna Ambassadeur' });
	const f = await makeFirm(h.db, { ownerId: owner.id });
	const grantId = await grantAdviser(h.db, f.id, ambassador.id, 'ambassador', owner.id);
	return { owner, ambassador, f, grantId };
}

describe(`learning ambassadors (${databaseKind})`, () => {
	it('join the plan and the session, but not the report, the rounds or the team until the owner switches the report on', async () => {
		const { owner, ambassador, f, grantId } = await firmWithAmbassador();
		const access = await firmAccess(h.db, ambassador.id, f.slug);
		expect(access).toMatchObject({ role: 'ambassador', seesReport: false });
		expect(['view', 'plan', 'report', 'rounds', 'manage', 'own'].filter((p) => allows(access, p as never))).toEqual(['view', 'plan']);
		expect((await firmsOfUser(h.db, ambassador.id)).map((x) => x.role)).toEqual(['ambassador']);

		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId, shared: 'on' } })).toBe(true);
		const withReport = await firmAccess(h.db, ambassador.id, f.slug);
		expect(['view', 'plan', 'report', 'rounds', 'manage', 'own'].filter((p) => allows(withReport, p as never))).toEqual(['view', 'plan', 'report']);

		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId, shared: 'off' } })).toBe(true);
		expect(allows(await firmAccess(h.db, ambassador.id, f.slug), 'report')).toBe(false);
		const log = await ambassadorReportLog(h.db, f.id);
		expect(log.map((c) => [c.ambassador, c.shared, c.changedBy])).toEqual([
			['Anna Ambassadeur', true, 'Olga Eigenaar'],
			['Anna Ambassadeur', false, 'Olga Eigenaar']
		]);
	});

	it('keep every other adviser kind as it was: they see the report and the rounds', async () => {
		const owner = await makeUser(h.db);
		const coach = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		await grantAdviser(h.db, f.id, coach.id, 'retired', owner.id);
		const access = await firmAccess(h.db, coach.id, f.slug);
		expect(['view', 'plan', 'report', 'rounds', 'manage'].filter((p) => allows(access, p as never))).toEqual(['view', 'plan', 'report', 'rounds']);
	});

	it('have a switch only on a live ambassador grant of the same firm, and nothing is logged otherwise', async () => {
		const { owner, f, grantId } = await firmWithAmbassador();
		const other = await firmWithAmbassador();
		const coach = await makeUser(h.db);
		const coachGrant = await grantAdviser(h.db, f.id, coach.id, 'coach', owner.id);
		expect(await setAmbassadorReport(h.db, { firmId: other.f.id, changedBy: other.owner.id, form: { grantId, shared: 'on' } })).toBe(false);
		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId: coachGrant, shared: 'on' } })).toBe(false);
		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId, shared: 'ja' } })).toBe(false);
		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId: 'geen-id', shared: 'on' } })).toBe(false);
		await withdrawAdviser(h.db, f.id, grantId);
		expect(await setAmbassadorReport(h.db, { firmId: f.id, changedBy: owner.id, form: { grantId, shared: 'on' } })).toBe(false);
		expect(await h.db.select().from(ambassadorReportConsent).where(eq(ambassadorReportConsent.firmId, f.id))).toEqual([]);
	});
});
