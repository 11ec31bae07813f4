import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm } from '../../../../tests/helpers/factories';
import { roundWithAnswers } from '../../../../tests/helpers/export-fixtures';
import { seedPilotNetwork, type SeededPilotFirm } from '../../../../tests/helpers/pilot-seed';
import { dayFromToday } from '../../../../tests/helpers/scan-factories';
import { pilotEvaluationSchema } from '../../domain/network/published';
import { evaluatePilot } from '../../domain/pilot/evaluate';
import type { DatabaseHandle } from '../db/client';
import { networkMember, pilotEvaluation } from '../db/schema';
import { createPilot, findPilot } from './create-pilot';
import { networkFirmFigures } from '../network/firm-figures';
import { seenEvaluationChanges } from '../coordinator-view/seen-figures';
import { evaluatePilotNow, pilotFigures } from './evaluation';
import { addPilotFirm, pilotFirms } from './pilot-firms';
import { pilotPlan } from './pilot-plan';
import { readPilot } from './round-figures';

const today = dayFromToday(0);
const k = 3;
let h: DatabaseHandle;
let seeded: Awaited<ReturnType<typeof seedPilotNetwork>>;

beforeAll(async () => {
	h = await openTestDatabase();
	seeded = await seedPilotNetwork(h.db, { firms: 8, employees: 9 });
}, 240_000);
afterAll(async () => {
	await h?.close();
});

const add = (pilotId: string, f: SeededPilotFirm, arm: 'pilot' | 'comparison', after = true) =>
	addPilotFirm(h.db, { pilotId, networkId: seeded.network.id }, { firm: f.id, arm, before: f.before.id, after: after ? f.after.id : null });

describe(`pilots (${databaseKind})`, () => {
	it('creates a pilot with a slug unique in its network and a published knowledge entry only', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Leerlunch in de werkplaats', slug: '' });
		expect(created).toMatchObject({ ok: true, pilot: { slug: 'leerlunch-in-de-werkplaats', entrySlug: null } });
		expect(await createPilot(h.db, seeded.network.id, { name: 'Nog een', slug: 'leerlunch-in-de-werkplaats' })).toEqual({ ok: false, errors: { slug: 'taken' } });
		expect(await createPilot(h.db, seeded.network.id, { name: 'Met aanpak', entry: 'bestaat-niet' })).toEqual({ ok: false, errors: { entry: 'unknown' } });
		expect(await createPilot(h.db, seeded.network.id, { name: ' ', slug: 'A B' })).toEqual({ ok: false, errors: { name: 'required', slug: 'invalid' } });
		expect(await findPilot(h.db, seeded.network.id, 'Leerlunch-in-de-werkplaats')).not.toBeNull();
	});

	it('adds only current members with their own rounds, and sets the after round later', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Regels', slug: 'regels' });
		if (!created.ok) throw new Error('not created');
		const id = created.pilot.id;
		const [a, b] = seeded.firms;
		const outsider = await makeFirm(h.db);
		const { round } = await roundWithAnswers(h.db, outsider.id, { employees: 1, name: 'Los' });
		expect(await addPilotFirm(h.db, { pilotId: id, networkId: seeded.network.id }, { firm: outsider.id, arm: 'pilot', before: round.id, after: null })).toEqual({ ok: false, error: 'not_member' });
		// A round of another firm is not this firm's round.
		expect(await addPilotFirm(h.db, { pilotId: id, networkId: seeded.network.id }, { firm: a!.id, arm: 'pilot', before: b!.before.id, after: null })).toEqual({ ok: false, error: 'round' });
		expect(await addPilotFirm(h.db, { pilotId: id, networkId: seeded.network.id }, { firm: a!.id, arm: 'pilot', before: a!.after.id, after: a!.before.id })).toEqual({ ok: false, error: 'after_not_later' });
		expect(await add(id, a!, 'pilot', false)).toEqual({ ok: true, updated: false });
		expect(await add(id, a!, 'comparison')).toEqual({ ok: false, error: 'other_arm' });
		expect(await add(id, a!, 'pilot')).toEqual({ ok: true, updated: true });
		const rows = await pilotFirms(h.db, id, seeded.network.id);
		expect(rows).toEqual([{ firmId: a!.id, firmName: a!.name, arm: 'pilot', before: expect.objectContaining({ name: 'Voorjaar 2026' }), after: expect.objectContaining({ name: 'Najaar 2026' }), member: true }]);
	});

	it('evaluates from the published figures, stores a snapshot, and a new one only after k changed firms', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Coaching', slug: 'coaching' });
		if (!created.ok) throw new Error('not created');
		const target = { id: created.pilot.id, slug: 'coaching', networkId: seeded.network.id };
		const [p1, p2, p3, c1, c2, c3, p4, c4] = seeded.firms;
		for (const f of [p1!, p2!, p3!]) await add(target.id, f, 'pilot');
		for (const f of [c1!, c2!]) await add(target.id, f, 'comparison');
		await add(target.id, c3!, 'comparison', false);

		// Every seeded round has figures on every aspect, so the counts below are the firms with both rounds.
		for (const f of await pilotFigures(h.db, target, today)) expect(Object.values(f.before ?? {}).filter(Boolean)).toHaveLength(6);
		// Comparison has two firms with both rounds: nothing to show, so no version is stored for it (else the
		// first evaluation with figures would be "versie 2" or later).
		const first = await evaluatePilotNow(h.db, target, { today, k });
		expect(first).toMatchObject({ latest: null, verdict: 'nothing-to-show' });
		// The counts per arm are still there to show, without a number.
		expect(first.counts?.aspects[0]).toMatchObject({ id: 'werk', pilot: { firms: 3, change: null }, comparison: { firms: 2, change: null }, did: null });
		expect((await evaluatePilotNow(h.db, target, { today, k })).verdict).toBe('nothing-to-show');
		expect(await h.db.$count(pilotEvaluation, eq(pilotEvaluation.pilotId, target.id))).toBe(0);

		// The third comparison firm gets its after round: the first version is the first with figures.
		await add(target.id, c3!, 'comparison');
		const second = await evaluatePilotNow(h.db, target, { today, k });
		expect(second).toMatchObject({ verdict: 'first', latest: { version: 1 } });
		const evaluation = pilotEvaluationSchema.parse(second.latest!.evaluation);
		// The stored figures are exactly the domain's evaluation of the published round figures.
		const firms = await pilotFigures(h.db, target, today);
		expect(evaluation).toEqual(evaluatePilot({ pilot: 'coaching', k, firms }));
		expect(evaluation.aspects.every((a) => a.did !== null && a.ci95 !== null && a.effectSize !== null)).toBe(true);

		// Asking again changes nothing.
		expect(await evaluatePilotNow(h.db, target, { today, k })).toMatchObject({ verdict: 'unchanged', latest: { version: 1 } });
		// One more firm on each side is 2 < k changes: the published evaluation stays as it was.
		await add(target.id, p4!, 'pilot');
		await add(target.id, c4!, 'comparison');
		const third = await evaluatePilotNow(h.db, target, { today, k });
		expect(third).toMatchObject({ verdict: 'too-few-changes', latest: { version: 1, evaluation } });
		expect(await h.db.$count(pilotEvaluation, eq(pilotEvaluation.pilotId, target.id))).toBe(1);

		// What the evaluation showed reaches the benchmark's disclosure test in the snapshots' own units: each
		// arm's firms as the round versions network figures count them with (the after round is the latest).
		const changes = await seenEvaluationChanges(h.db, seeded.network.id);
		const counted = new Map((await networkFirmFigures(h.db, seeded.network.id)).map((f) => [f.firmId, f.benchmark.unit]));
		const pilotArm = changes.flatMap((c) => c.werk ?? []).find((f) => f.id.endsWith(':pilot'))!;
		expect(pilotArm.pairs?.map((p) => p.after).sort()).toEqual([p1!, p2!, p3!].map((f) => counted.get(f.id)).sort());
		expect(pilotArm.pairs?.every((p) => p.before.startsWith(`${p.after.split(':')[0]}:`) && p.before !== p.after)).toBe(true);
	});

	it('attack: a second pilot with the same firms but one cannot show that firm’s change', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Coaching min één', slug: 'coaching-min-een' });
		if (!created.ok) throw new Error('not created');
		const target = { id: created.pilot.id, slug: 'coaching-min-een', networkId: seeded.network.id };
		const [p1, p2, , c1, c2, c3] = seeded.firms;
		// Pilot "coaching" published p1..p3 against c1..c3; this one leaves out p3 and adds nothing.
		for (const f of [p1!, p2!]) await add(target.id, f, 'pilot');
		for (const f of [c1!, c2!, c3!]) await add(target.id, f, 'comparison');
		const result = await evaluatePilotNow(h.db, target, { today, k });
		// 1 firm differs from the published evaluation of "coaching": not stored at all.
		expect(result).toEqual({ latest: null, verdict: 'too-few-changes', counts: null });
		// With a third pilot firm of its own it differs by 2 < k and is still refused.
		await add(target.id, seeded.firms[6]!, 'pilot');
		expect((await evaluatePilotNow(h.db, target, { today, k })).verdict).toBe('too-few-changes');
	});

	it('reads a round once for a page: the evaluation and the plan share its figures', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Eén keer lezen', slug: 'een-keer-lezen' });
		if (!created.ok) throw new Error('not created');
		const target = { id: created.pilot.id, slug: 'een-keer-lezen', networkId: seeded.network.id };
		const f = seeded.firms[0]!;
		await add(target.id, f, 'pilot');
		const reading = await readPilot(h.db, target, today);
		expect(reading.firms.map((r) => r.firmId)).toEqual([f.id]);
		const first = await reading.figuresOf(f.id, f.after.id);
		expect(first).not.toBeNull();
		// The same figures, not a second read that could meet a newer version.
		expect(await reading.figuresOf(f.id, f.after.id)).toBe(first);
		// A new reading reads again.
		expect(await (await readPilot(h.db, target, today)).figuresOf(f.id, f.after.id)).not.toBe(first);
	});

	it('stops counting a firm that left the network, and plans the MDE from the network', async () => {
		const created = await createPilot(h.db, seeded.network.id, { name: 'Plan', slug: 'plan' });
		if (!created.ok) throw new Error('not created');
		const target = { id: created.pilot.id, networkId: seeded.network.id };
		for (const f of seeded.firms.slice(0, 3)) await add(target.id, f, 'pilot', false);
		for (const f of seeded.firms.slice(3, 6)) await add(target.id, f, 'comparison', false);
		const plan = await pilotPlan(h.db, target, { today, k });
		// Six firms with nine respondents each in their before round: m = 9; the network has 8 >= 2k firms.
		expect(plan).toMatchObject({ firms: { pilot: 3, comparison: 3 }, firmsPerArm: 3, respondentsPerFirm: 9, respondentsSource: 'rounds' });
		for (const a of plan.aspects) {
			expect(a.icc.source).toBe('network');
			expect(a.icc.firms).toBe(8);
			expect(a.mde).toBeCloseTo(2.8 * Math.sqrt((4 * (1 + 8 * a.icc.icc)) / 27), 12);
		}
		const asked = await pilotPlan(h.db, target, { today, k, firmsPerArm: 6, respondentsPerFirm: 12 });
		expect(asked.respondentsSource).toBe('asked');

		await h.db.update(networkMember).set({ leftAt: new Date() }).where(and(eq(networkMember.networkId, seeded.network.id), eq(networkMember.firmId, seeded.firms[0]!.id)));
		const rows = await pilotFirms(h.db, target.id, seeded.network.id);
		expect(rows.find((r) => r.firmId === seeded.firms[0]!.id)?.member).toBe(false);
		expect((await pilotPlan(h.db, target, { today, k })).firms.pilot).toBe(2);
		expect(await add(target.id, seeded.firms[0]!, 'pilot')).toEqual({ ok: false, error: 'not_member' });
	});
});
