// The network commands as a script runs them (the CLI's `main`, in this process), against a fresh database
// with firms that have published reports, k = 3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { runCliInProcess, targetKind, tempDir, testTarget, type Target } from '../../../tests/cli/helpers';
import { makeFirm, makeUser } from '../../../tests/helpers/factories';
import { closeSeededRound, seedResponses, seedRound } from '../../../tests/helpers/report-seed';
import { pdfPlainText } from '../../../tests/helpers/pdf-text';
import { networkReportSchema } from '../../lib/domain/network/published';
import { firm, networkMember } from '../../lib/server/db/schema';
import { publishRoundReport } from '../../lib/server/report/publish/publish-report';

let target: Target;
let out: { path: string; remove(): Promise<void> };
let env: Record<string, string>;
const slugs: string[] = [];
let coordinatorEmail = '';

beforeAll(async () => {
	target = await testTarget();
	env = { ...target.env, LEERKOMPAS_THRESHOLD: '3' };
	out = await tempDir('leerkompas-network-');
	const h = await target.open();
	try {
		for (let i = 0; i < 3; i++) {
			const f = await makeFirm(h.db, { name: `Bouwer ${i + 1}` });
			await h.db.update(firm).set({ sector: 'bouw', province: 'gelderland', employees: 15 }).where(eq(firm.id, f.id));
			const round = await seedRound(h.db, f.id, { threshold: 3 });
			await seedResponses(h.db, round, 4);
			await publishRoundReport(h.db, await closeSeededRound(h.db, round), '2026-06-01');
			slugs.push(f.slug);
		}
		coordinatorEmail = (await makeUser(h.db)).email;
	} finally {
		await h.close();
	}
}, 180_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

describe(`leerkompas network (${targetKind})`, () => {
	it('creates a network, refuses the same slug twice and a bad one', async () => {
		const made = await runCliInProcess(['network', 'create', '--name', 'Leernetwerk Oost', '--slug', 'oost', '--kind', 'sector-fund'], env);
		expect(made.code, made.stderr).toBe(0);
		expect(made.stdout).toBe('oost\n');
		const again = await runCliInProcess(['network', 'create', '--name', 'Nog een', '--slug', 'oost'], env);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain("Er is al een netwerk met de korte naam 'oost'.");
		const bad = await runCliInProcess(['network', 'create', '--name', 'X', '--slug', 'Oost Netwerk'], env);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--name, --slug');
	}, 120_000);

	it('adds firms on paper and a coordinator, with plain errors for what does not exist', async () => {
		for (const slug of slugs) {
			const r = await runCliInProcess(['network', 'add', '--network', 'oost', '--org', slug], env);
			expect(r.code, r.stderr).toBe(0);
		}
		const twice = await runCliInProcess(['network', 'add', '--network', 'oost', '--org', slugs[0]!], env);
		expect(twice.stderr).toContain('zat al in het netwerk');
		expect((await runCliInProcess(['network', 'add', '--network', 'west', '--org', slugs[0]!], env)).stderr).toContain("Geen netwerk met de korte naam 'west'.");
		expect((await runCliInProcess(['network', 'coordinator', 'add', '--network', 'oost', '--email', 'niemand@example.nl'], env)).code).toBe(1);
		const coordinator = await runCliInProcess(['network', 'coordinator', 'add', '--network', 'oost', '--email', coordinatorEmail], env);
		expect(coordinator.code, coordinator.stderr).toBe(0);
		const h = await target.open();
		try {
			const rows = await h.db.select().from(networkMember);
			expect(rows).toHaveLength(3);
			expect(rows.every((r) => r.basis === 'paper' && r.consentedBy === 'cli' && r.leftAt === null)).toBe(true);
		} finally {
			await h.close();
		}
	}, 120_000);

	it('reports the network as DESIGN.md\u2019s JSON, and as a PDF to a file', async () => {
		const json = await runCliInProcess(['network', 'report', '--network', 'oost', '--format', 'json'], env);
		expect(json.code, json.stderr).toBe(0);
		const report = networkReportSchema.parse(JSON.parse(json.stdout));
		expect(report).toMatchObject({ network: 'oost', threshold: 3, firms: 3 });
		expect(report.aspects.find((a) => a.id === 'werk')!.firms).toBe(3);
		const sector = report.groupings.find((g) => g.variable === 'sector')!;
		expect(sector.groups).toEqual([expect.objectContaining({ category: 'bouw', label: 'Bouw', firms: 3, suppressed: false })]);
		expect(report.groupings.find((g) => g.variable === 'size')!.groups[0]).toMatchObject({ category: '10-49', label: '10-49 medewerkers' });

		expect((await runCliInProcess(['network', 'report', '--network', 'oost', '--format', 'pdf'], env)).code).toBe(2);
		const file = join(out.path, 'oost.pdf');
		const pdf = await runCliInProcess(['network', 'report', '--network', 'oost', '--format', 'pdf', '--out', file], env);
		expect(pdf.code, pdf.stderr).toBe(0);
		expect(existsSync(file)).toBe(true);
		const text = await pdfPlainText(readFileSync(file));
		expect(text).toContain('Vergelijking van de bedrijven in Leernetwerk Oost');
	}, 180_000);
});
