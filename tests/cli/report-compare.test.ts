import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedReportSchema, type Report } from '../../src/lib/domain/report';
import { makeFirm } from '../helpers/factories';
import { closeSeededRound, seedResponses, seedRound } from '../helpers/report-seed';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from './helpers';

let target: Target;
let out: { path: string; remove(): Promise<void> };
let slug = '';

beforeAll(async () => {
	target = await testTarget();
	out = await tempDir('leerkompas-compare-out-');
	const h = await target.open();
	try {
		const firm = await makeFirm(h.db, { name: 'Installatiebedrijf Smit' });
		slug = firm.slug;
		for (const [name, opensOn, closesOn, employees] of [
			['Voorjaar 2025', '2025-03-01', '2025-03-31', 7],
			['Najaar 2025', '2025-10-01', '2025-10-31', 6],
			['Voorjaar 2026', '2026-03-01', '2026-03-31', 9]
		] as const) {
			const round = await seedRound(h.db, firm.id, { name, opensOn, closesOn });
			await seedResponses(h.db, round, employees);
			await closeSeededRound(h.db, round);
		}
	} finally {
		await h.close();
	}
}, 120_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

async function reportOf(round: string, ...extra: string[]): Promise<Report> {
	const r = await runCliInProcess(['report', '--firm', slug, '--round', round, ...extra], target.env);
	expect(r.code, r.stderr).toBe(0);
	return servedReportSchema.parse(JSON.parse(r.stdout));
}

describe(`leerkompas report --compare (${targetKind})`, () => {
	it('fills change from the previous round by default, or from the round named with --compare', async () => {
		// Asked first: the earlier rounds get their versions published as their own reports would.
		const latest = await reportOf('Voorjaar 2026');
		const autumn = await reportOf('Najaar 2025');
		const spring25 = await reportOf('Voorjaar 2025');
		expect(spring25.change).toBeNull();
		expect(latest.change?.against).toEqual({ round: 'Najaar 2025', employees: 6 });
		expect(latest.change?.aspects.map((a) => a.id)).toEqual(latest.aspects.map((a) => a.id));
		for (const aspect of latest.change!.aspects) {
			const before = autumn.aspects.find((a) => a.id === aspect.id)!.employee;
			const after = latest.aspects.find((a) => a.id === aspect.id)!.employee;
			expect(aspect.before).toEqual({ n: before.n, mean: before.mean });
			expect(aspect.after).toEqual({ n: after.n, mean: after.mean });
			expect(aspect.difference).toBeCloseTo(after.mean! - before.mean!, 12);
		}
		const picked = await reportOf('Voorjaar 2026', '--compare', 'voorjaar 2025');
		expect(picked.change?.against).toEqual({ round: 'Voorjaar 2025', employees: 7 });
		expect(picked.change?.aspects[0]?.before?.mean).toBe(spring25.aspects[0]?.employee.mean);

		const html = join(out.path, 'vergelijking.html');
		const written = await runCliInProcess(['report', '--org', slug, '--round', 'Voorjaar 2026', '--compare', 'Voorjaar 2025', '--format', 'html', '--out', html], target.env);
		expect(written.code, written.stderr).toBe(0);
		expect(readFileSync(html, 'utf8')).toContain('Verandering sinds Voorjaar 2025');
	}, 180_000);

	it('refuses a round it cannot compare with, and names the ones it can', async () => {
		const itself = await runCliInProcess(['report', '--org', slug, '--round', 'Voorjaar 2026', '--compare', 'Voorjaar 2026'], target.env);
		expect(itself.code).toBe(1);
		expect(itself.stderr).toContain("Met ronde 'Voorjaar 2026' kan niet vergeleken worden.");
		expect(itself.stderr).toContain('Dat kan: Najaar 2025, Voorjaar 2025.');
		const first = await runCliInProcess(['report', '--org', slug, '--round', 'Voorjaar 2025', '--compare', 'Najaar 2025'], target.env);
		expect(first.code).toBe(1);
		expect(first.stderr).toContain('Er is geen eerdere ronde met cijfers van medewerkers.');
		for (const r of [itself, first]) {
			expect(r.stdout).toBe('');
			expect(hasStackTrace(r.stderr)).toBe(false);
		}
	}, 120_000);
});
