import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pilotEvaluationSchema } from '../../src/lib/domain/network/published';
import { seedPilotNetwork, type SeededPilotFirm } from '../helpers/pilot-seed';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from './helpers';

let target: Target;
let env: Record<string, string>;
let out: { path: string; remove(): Promise<void> };
let networkSlug = '';
let firms: SeededPilotFirm[] = [];

beforeAll(async () => {
	target = await testTarget();
	// k = 3, so that three firms per arm are enough.
	env = { ...target.env, LEERKOMPAS_THRESHOLD: '3' };
	out = await tempDir('leerkompas-pilot-out-');
	const h = await target.open();
	try {
		const seeded = await seedPilotNetwork(h.db, { firms: 6, employees: 9 });
		networkSlug = seeded.network.slug;
		firms = seeded.firms;
	} finally {
		await h.close();
	}
}, 240_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

describe(`leerkompas pilot (${targetKind})`, () => {
	it('creates a pilot, adds firms to both arms, sets an after round later and prints the evaluation as JSON', async () => {
		const created = await runCliInProcess(['pilot', 'create', '--network', networkSlug, '--name', 'Leerlunch', '--slug', 'leerlunch'], env);
		expect(created.code, created.stderr).toBe(0);
		expect(created.stdout.trim()).toBe('leerlunch');

		for (const [i, f] of firms.entries()) {
			const arm = i < 3 ? 'pilot' : 'comparison';
			// The last firm first without its after round, then again to set it.
			const args = ['pilot', 'add', '--network', networkSlug, '--pilot', 'leerlunch', '--org', f.slug, '--arm', arm, '--before', 'voorjaar 2026'];
			const r = await runCliInProcess(i === 5 ? args : [...args, '--after', 'Najaar 2026'], env);
			expect(r.code, r.stderr).toBe(0);
		}
		const last = firms[5]!;
		const again = await runCliInProcess(['pilot', 'add', '--network', networkSlug, '--pilot', 'leerlunch', '--org', last.slug, '--arm', 'comparison', '--before', 'Voorjaar 2026', '--after', 'Najaar 2026'], env);
		expect(again.code, again.stderr).toBe(0);
		expect(again.stderr).toContain('De ronde achteraf van');

		const file = join(out.path, 'evaluatie.json');
		const r = await runCliInProcess(['pilot', 'evaluate', '--network', networkSlug, '--pilot', 'leerlunch', '--format', 'json', '--out', file], env);
		expect(r.code, r.stderr).toBe(0);
		const evaluation = pilotEvaluationSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
		expect(evaluation.pilot).toBe('leerlunch');
		expect(evaluation.threshold).toBe(3);
		expect(evaluation.aspects).toHaveLength(6);
		for (const a of evaluation.aspects) {
			expect(a.pilot.firms).toBe(3);
			expect(a.comparison.firms).toBe(3);
			expect(a.did).toBeCloseTo(a.pilot.change! - a.comparison.change!, 12);
			expect(a.ci95![0]).toBeLessThan(a.did!);
			expect(a.ci95![1]).toBeGreaterThan(a.did!);
			expect(a.effectSize).not.toBeNull();
		}
		// To the screen it prints the same published version.
		const screen = await runCliInProcess(['pilot', 'evaluate', '--network', networkSlug, '--pilot', 'leerlunch'], env);
		expect(pilotEvaluationSchema.parse(JSON.parse(screen.stdout))).toEqual(evaluation);
		expect(screen.stderr).toContain('versie 1');
	}, 240_000);

	it('says in plain Dutch what is wrong, without a stack trace', async () => {
		const noNetwork = await runCliInProcess(['pilot', 'evaluate', '--network', 'bestaat-niet', '--pilot', 'x'], env);
		expect(noNetwork.code).toBe(1);
		expect(noNetwork.stderr).toContain('Er is geen netwerk met de korte naam "bestaat-niet"');
		const badArm = await runCliInProcess(['pilot', 'add', '--network', networkSlug, '--pilot', 'leerlunch', '--org', firms[0]!.slug, '--arm', 'beide', '--before', 'Voorjaar 2026'], env);
		expect(badArm.code).toBe(2);
		expect(badArm.stderr).toContain('Kies bij --arm pilot of comparison');
		const badRound = await runCliInProcess(['pilot', 'add', '--network', networkSlug, '--pilot', 'leerlunch', '--org', firms[0]!.slug, '--arm', 'pilot', '--before', 'Zomer'], env);
		expect(badRound.code).toBe(1);
		expect(badRound.stderr).toContain('heeft geen ronde met de naam "Zomer"');
		expect(badRound.stderr).toContain('Voorjaar 2026');
		const taken = await runCliInProcess(['pilot', 'create', '--network', networkSlug, '--name', 'Nog een', '--slug', 'leerlunch'], env);
		expect(taken.code).toBe(2);
		expect(taken.stderr).toContain('al een pilot met de korte naam "leerlunch"');
		for (const r of [noNetwork, badArm, badRound, taken]) expect(hasStackTrace(r.stderr)).toBe(false);
	}, 120_000);
});
