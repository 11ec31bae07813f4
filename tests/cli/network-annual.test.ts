import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { network, progressTalk } from '../../src/lib/server/db/schema';
import { pdfPlainText } from '../helpers/pdf-text';
import { hasStackTrace, runCliInProcess, targetKind, tempDir, testTarget, type Target } from './helpers';

let target: Target;
let out: { path: string; remove(): Promise<void> };
const slug = `cli-annual-${Date.now().toString(36)}`;

beforeAll(async () => {
	target = await testTarget();
	out = await tempDir('leerkompas-annual-out-');
	const h = await target.open();
	try {
		const [net] = await h.db.insert(network).values({ slug, name: 'Leernetwerk Noord' }).returning();
		await h.db.insert(progressTalk).values({ networkId: net!.id, year: 2026, project: 'Meester en gezel in de metaal', goals: 'Doel', done: 'Gedaan', results: 'Acht koppels aan het werk', status: 'final' });
	} finally {
		await h.close();
	}
}, 120_000);
afterAll(async () => {
	await target.remove();
	await out.remove();
});

describe(`leerkompas network annual (${targetKind})`, () => {
	it('writes the annual report as stand-alone HTML and as a PDF with the year\u2019s talks', async () => {
		const html = await runCliInProcess(['network', 'annual', '--network', slug, '--year', '2026'], target.env);
		expect(html.code, html.stderr).toBe(0);
		expect(html.stdout.startsWith('<!doctype html>')).toBe(true);
		expect(html.stdout).toContain('Leernetwerk Noord: jaarverslag 2026');
		expect(html.stdout).toContain('Acht koppels aan het werk');
		const file = join(out.path, 'jaarverslag.pdf');
		const pdf = await runCliInProcess(['network', 'annual', '--network', slug, '--year', '2026', '--format', 'pdf', '--out', file], target.env);
		expect(pdf.code, pdf.stderr).toBe(0);
		const text = await pdfPlainText(new Uint8Array(readFileSync(file)));
		expect(text).toContain('Meester en gezel in de metaal');
		expect(text).toContain('Er zijn nog geen cijfers van het netwerk');
	}, 120_000);

	it('says what is wrong with an unknown network, a bad year or a PDF without --out', async () => {
		const unknown = await runCliInProcess(['network', 'annual', '--network', 'bestaat-niet', '--year', '2026'], target.env);
		expect(unknown.code).toBe(1);
		expect(unknown.stderr).toContain("Er is geen netwerk met slug 'bestaat-niet'.");
		const year = await runCliInProcess(['network', 'annual', '--network', slug, '--year', 'vorig'], target.env);
		expect(year.code).toBe(2);
		expect(year.stderr).toContain("'vorig' is geen jaar.");
		const pdf = await runCliInProcess(['network', 'annual', '--network', slug, '--year', '2026', '--format', 'pdf'], target.env);
		expect(pdf.code).toBe(2);
		for (const r of [unknown, year, pdf]) expect(hasStackTrace(r.stderr)).toBe(false);
	}, 120_000);
});
