import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday } from '../../../../tests/helpers/scan-factories';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import type { DatabaseHandle } from '../db/client';
import type { PlanContent } from '../../domain/plans/plan';
import { createPlan, deletePlan, findMyPlan, listMyPlans, updatePlan } from './my-plans';
import { changeShare, firmByPlanCode, sharesOfMyPlan, shareWithColleague, shareWithFirm, stopSharing } from './share-plan';
import { firmPlanCode, firmPlans, planSharedWithMe, plansSharedWithMe } from './shared-plans';
import { planPdf } from './plan-pdf';

const today = dayFromToday(0);
const K = 3;
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

const content = (title: string): PlanContent => ({
	title,
	situation: 'Ik help klanten graag.',
	goals: [{ what: 'Leren lassen', why: 'Zelf repareren', ways: ['colleague'], howDetail: 'Met Piet', offerId: null, support: 'Een middag per week', byWhen: '2027-06-30', evidence: 'Een frame zelf gelast' }]
});

describe(`development plans (${databaseKind})`, () => {
	it('only the author finds, changes or deletes a plan', async () => {
		const worker = await makeUser(h.db);
		const other = await makeUser(h.db);
		const id = await createPlan(h.db, worker.id, content('Mijn plan'));
		expect((await findMyPlan(h.db, worker.id, id))?.title).toBe('Mijn plan');
		expect(await findMyPlan(h.db, other.id, id)).toBeNull();
		expect(await findMyPlan(h.db, worker.id, 'not-a-uuid')).toBeNull();
		expect(await updatePlan(h.db, other.id, id, content('Overgenomen'))).toBe(false);
		expect(await deletePlan(h.db, other.id, id)).toBe(false);
		expect(await updatePlan(h.db, worker.id, id, content('Nieuw'))).toBe(true);
		expect((await listMyPlans(h.db, worker.id)).map((p) => p.title)).toEqual(['Nieuw']);
		expect(await listMyPlans(h.db, other.id)).toEqual([]);
		expect(await deletePlan(h.db, worker.id, id)).toBe(true);
		expect(await findMyPlan(h.db, worker.id, id)).toBeNull();
	});

	it('a firm sees only what was shared, and stops seeing it at once', async () => {
		const owner = await makeUser(h.db);
		const f = await makeFirm(h.db, { ownerId: owner.id });
		const code = await firmPlanCode(h.db, f.id);
		expect(await firmPlanCode(h.db, f.id)).toBe(code);
		expect(await firmByPlanCode(h.db, code)).toEqual({ id: f.id, name: f.name });

		const worker = await makeUser(h.db, { name: 'Sanne' });
		const id = await createPlan(h.db, worker.id, content('Sannes plan'));
		expect(await firmPlans(h.db, f.id, K)).toEqual({ tied: { kind: 'none' }, shared: [] });

		expect(await shareWithFirm(h.db, { userId: worker.id, planId: id, code: 'AAAAAAAAAAAAAAAA', sections: ['what'], today })).toEqual({ ok: false, reason: 'unknown_code' });
		const stranger = await makeUser(h.db);
		expect(await shareWithFirm(h.db, { userId: stranger.id, planId: id, code, sections: ['what'], today })).toEqual({ ok: false, reason: 'not_found' });

		expect(await shareWithFirm(h.db, { userId: worker.id, planId: id, code: ` ${code} `, sections: ['what'], today })).toEqual({ ok: true });
		const seen = await firmPlans(h.db, f.id, K);
		expect(seen.tied).toEqual({ kind: 'fewerThan', k: K });
		expect(seen.shared).toHaveLength(1);
		expect(seen.shared[0]!.author.name).toBe('Sanne');
		expect(seen.shared[0]!.plan.goals[0]!.what).toBe('Leren lassen');
		const sent = JSON.stringify(seen);
		for (const secret of ['Met Piet', 'Een middag per week', 'Ik help klanten graag', 'Een frame zelf gelast']) expect(sent).not.toContain(secret);

		// Another firm sees nothing of it.
		const otherFirm = await makeFirm(h.db, { ownerId: (await makeUser(h.db)).id });
		expect(await firmPlans(h.db, otherFirm.id, K)).toEqual({ tied: { kind: 'none' }, shared: [] });

		// Tied without sections: counted in the band, nothing shown.
		const [share] = await sharesOfMyPlan(h.db, worker.id, id);
		expect(await changeShare(h.db, stranger.id, share!.id, [])).toEqual({ ok: false, reason: 'not_found' });
		expect(await changeShare(h.db, worker.id, share!.id, [])).toEqual({ ok: true });
		expect(await firmPlans(h.db, f.id, K)).toEqual({ tied: { kind: 'fewerThan', k: K }, shared: [] });

		expect(await stopSharing(h.db, stranger.id, share!.id)).toBe(false);
		expect(await stopSharing(h.db, worker.id, share!.id)).toBe(true);
		expect(await firmPlans(h.db, f.id, K)).toEqual({ tied: { kind: 'none' }, shared: [] });
	});

	it('counts tied plans in bands of k, never exactly below k', async () => {
		const f = await makeFirm(h.db, { ownerId: (await makeUser(h.db)).id });
		const code = await firmPlanCode(h.db, f.id);
		const bands = [];
		for (let n = 1; n <= 7; n++) {
			const worker = await makeUser(h.db);
			const id = await createPlan(h.db, worker.id, content(`Plan ${n}`));
			await shareWithFirm(h.db, { userId: worker.id, planId: id, code, sections: [], today });
			bands.push((await firmPlans(h.db, f.id, K)).tied);
		}
		expect(bands).toEqual([
			{ kind: 'fewerThan', k: 3 },
			{ kind: 'fewerThan', k: 3 },
			{ kind: 'between', low: 3, high: 5 },
			{ kind: 'between', low: 3, high: 5 },
			{ kind: 'between', low: 3, high: 5 },
			{ kind: 'between', low: 6, high: 8 },
			{ kind: 'between', low: 6, high: 8 }
		]);
	});

	it('a colleague reads what was shared with their address, until it stops', async () => {
		const worker = await makeUser(h.db, { name: 'Ahmed' });
		const colleague = await makeUser(h.db);
		const outsider = await makeUser(h.db);
		const id = await createPlan(h.db, worker.id, content('Ahmeds plan'));
		expect(await shareWithColleague(h.db, { userId: worker.id, planId: id, email: 'geen adres', sections: ['what'], today })).toEqual({ ok: false, reason: 'invalid_email' });
		expect(await shareWithColleague(h.db, { userId: worker.id, planId: id, email: worker.email.toUpperCase(), sections: ['what'], today })).toEqual({ ok: false, reason: 'own_address' });
		expect(await shareWithColleague(h.db, { userId: worker.id, planId: id, email: colleague.email, sections: [], today })).toEqual({ ok: false, reason: 'no_section' });
		expect(await shareWithColleague(h.db, { userId: worker.id, planId: id, email: ` ${colleague.email.toUpperCase()} `, sections: ['how'], today })).toEqual({ ok: true });

		const list = await plansSharedWithMe(h.db, colleague);
		expect(list.map((s) => s.plan.title)).toEqual(['Ahmeds plan']);
		const one = await planSharedWithMe(h.db, colleague, list[0]!.shareId);
		expect(one?.plan.goals[0]).toMatchObject({ what: null, howDetail: 'Met Piet', support: 'Een middag per week', byWhen: null });
		expect(await planSharedWithMe(h.db, outsider, list[0]!.shareId)).toBeNull();
		expect(await plansSharedWithMe(h.db, outsider)).toEqual([]);

		// Sharing again with the same address changes the sections; it does not add a second share.
		expect(await shareWithColleague(h.db, { userId: worker.id, planId: id, email: colleague.email, sections: ['what'], today })).toEqual({ ok: true });
		expect(await sharesOfMyPlan(h.db, worker.id, id)).toHaveLength(1);
		expect(await sharesOfMyPlan(h.db, colleague.id, id)).toEqual([]);

		expect(await stopSharing(h.db, worker.id, list[0]!.shareId)).toBe(true);
		expect(await planSharedWithMe(h.db, colleague, list[0]!.shareId)).toBeNull();
	});

	it('prints the whole plan for its author', async () => {
		const pdf = planPdf(content('Mijn plan'), [], 'nl', today);
		const text = await pdfPlainText(pdf.pdf);
		for (const part of ['Mijn plan', 'Waar sta ik nu?', 'Doel 1', 'Leren lassen', 'Met Piet', 'Een middag per week', '30 juni 2027', 'Een frame zelf gelast']) expect(text).toContain(part);
	});
});
