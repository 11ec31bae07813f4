import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { servedReportSchema } from '../../src/lib/domain/report';
import { firm as firmTable } from '../../src/lib/server/db/schema';
import { pdfPlainText } from '../helpers/pdf-text';
import { makeFirm } from '../helpers/factories';
import { closeSeededRound, seedResponses, seedRound } from '../helpers/report-seed';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from './helpers';

let target: Target;
let out: { path: string; remove(): Promise<void> };
let slug = '';

beforeAll(async () => {
	target = await testTarget();
	out = await tempDir('leerkompas-report-out-');
	const h = await target.open();
	try {
		const firm = await makeFirm(h.db, { name: 'Garage Van Dijk & Zn' });
		slug = firm.slug;
		await h.db.update(firmTable).set({ worry: 'vergrijzing' }).where(eq(firmTable.id, firm.id));
		const round = await seedRound(h.db, firm.id, { name: 'Najaar 2026', invited: 20, openAnswersVerbatim: true });
		await seedResponses(h.db, round, 12, 'employee', { openTexts: ['Meer tijd voor *cursussen* #wens'] });
		await seedResponses(h.db, round, 1, 'owner');
		await closeSeededRound(h.db, round);
		await seedRound(h.db, firm.id, { name: 'Voorjaar 2027' });
	} finally {
		await h.close();
	}
}, 120_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

describe(`leerkompas report (${targetKind})`, () => {
	it('prints the report as JSON that matches the published schema', async () => {
		const r = await runCliInProcess(['report', '--org', slug, '--round', 'najaar 2026'], target.env);
		expect(r.code, r.stderr).toBe(0);
		const report = servedReportSchema.parse(JSON.parse(r.stdout));
		expect(report.respondents).toEqual({ employee: 12, owner: 1 });
		expect(report.threshold).toBe(5);
		expect(r.stderr).toContain('Versie 1');
		// The firm's worry leads to a tip whose reason names it; every aspect a tip is for has a shown figure.
		const forWorry = report.recommendations.find((t) => t.worries.includes('vergrijzing'));
		expect(forWorry?.reason).toContain('u zich zorgen maakt over kennis die weggaat met oudere vakmensen');
		const shown = new Set(report.aspects.filter((a) => a.employee.mean !== null).map((a) => a.id));
		for (const t of report.recommendations) for (const aspect of t.aspects) expect(shown.has(aspect), aspect).toBe(true);
	}, 120_000);

	it('writes stand-alone HTML and a PDF whose text holds the firm, the aspects and the open answers as typed', async () => {
		const html = join(out.path, 'rapport.html');
		const pdf = join(out.path, 'rapport.pdf');
		const a = await runCliInProcess(['report', '--org', slug, '--round', 'Najaar 2026', '--format', 'html', '--out', html], target.env);
		expect(a.code, a.stderr).toBe(0);
		const page = readFileSync(html, 'utf8');
		expect(page.startsWith('<!doctype html>')).toBe(true);
		expect(page).toContain('<style>');
		expect(page).toContain('Garage Van Dijk &amp; Zn: Najaar 2026');
		expect(page).toContain('Meer tijd voor *cursussen* #wens');

		const b = await runCliInProcess(['--lang', 'en', 'report', '--org', slug, '--round', 'Najaar 2026', '--format', 'pdf', '--out', pdf], target.env);
		expect(b.code, b.stderr).toBe(0);
		const text = await pdfPlainText(readFileSync(pdf));
		expect(text).toContain('Garage Van Dijk & Zn: Najaar 2026');
		expect(text).toContain('Learning together as a team');
		expect(text).toContain('Page 1 of');
		expect(text).toContain('Meer tijd voor *cursussen* #wens');
	}, 120_000);

	it('refuses what it cannot do, with a message that says what to change', async () => {
		const noOrg = await runCliInProcess(['report', '--org', 'bestaat-niet', '--round', 'x'], target.env);
		expect(noOrg.code).toBe(1);
		expect(noOrg.stderr).toContain("Er is geen bedrijf met de korte naam 'bestaat-niet'.");
		const noRound = await runCliInProcess(['report', '--org', slug, '--round', 'Zomer'], target.env);
		expect(noRound.code).toBe(1);
		expect(noRound.stderr).toContain('Rondes van dit bedrijf: Voorjaar 2027, Najaar 2026.');
		const badFormat = await runCliInProcess(['report', '--org', slug, '--round', 'Najaar 2026', '--format', 'docx'], target.env);
		expect(badFormat.code).toBe(2);
		expect(badFormat.stderr).toContain("Onbekend formaat 'docx'");
		const pdfToScreen = await runCliInProcess(['report', '--org', slug, '--round', 'Najaar 2026', '--format', 'pdf'], target.env);
		expect(pdfToScreen.code).toBe(2);
		expect(pdfToScreen.stderr).toContain('--out');
		const existing = join(out.path, 'bestaat.json');
		writeFileSync(existing, 'oud');
		const refused = await runCliInProcess(['report', '--org', slug, '--round', 'Najaar 2026', '--out', existing], target.env);
		expect(refused.code).toBe(1);
		expect(readFileSync(existing, 'utf8')).toBe('oud');
		const forced = await runCliInProcess(['report', '--org', slug, '--round', 'Najaar 2026', '--out', existing, '--force'], target.env);
		expect(forced.code).toBe(0);
		expect(existsSync(existing)).toBe(true);
		expect(JSON.parse(readFileSync(existing, 'utf8')).respondents.employee).toBe(12);
		for (const r of [noOrg, noRound, badFormat, pdfToScreen, refused]) expect(hasStackTrace(r.stderr)).toBe(false);
	}, 180_000);
});
