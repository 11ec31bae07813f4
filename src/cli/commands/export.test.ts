// The data commands through the CLI's `main`, as the `leerkompas` binary runs it: export, agreement add/revoke, retention run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { hasStackTrace, runCliInProcess, targetKind, testTarget, type Target } from '../../../tests/cli/helpers';
import { makeFirm, makeUser } from '../../../tests/helpers/factories';
import { roundWithAnswers } from '../../../tests/helpers/export-fixtures';
import { readSav } from '../../../tests/helpers/sav-reader';
import { dataAgreement, exportAudit, scanResponse } from '../../lib/server/db/schema';

let target: Target;
let seeded: { slug: string; firmId: string; full: string; few: string; old: string; oldId: string; admin: string; researcher: string; researcherId: string; plain: string };

beforeAll(async () => {
	target = await testTarget();
	const h = await target.open();
	try {
		const admin = await makeUser(h.db, { role: 'admin', email: 'beheer@leerkompas.example' });
		const researcher = await makeUser(h.db, { email: 'rik@hogeschool.example', name: 'Rik Onderzoeker' });
		const plain = await makeUser(h.db, { email: 'gewoon@example.nl' });
		const firm = await makeFirm(h.db, { name: 'Bakkerij De Korenaar' });
		const full = await roundWithAnswers(h.db, firm.id, { employees: 7, seed: 51, name: 'Voorjaar 2026' });
		const few = await roundWithAnswers(h.db, firm.id, { employees: 2, seed: 52, name: 'Najaar' });
		const old = await roundWithAnswers(h.db, firm.id, { employees: 5, seed: 53, name: 'Oud', opensOn: '2020-01-06', closesOn: '2020-01-31', submittedOn: '2020-01-10' });
		seeded = { slug: firm.slug, firmId: firm.id, full: full.round.name, few: few.round.name, old: old.round.name, oldId: old.round.id, admin: admin.email, researcher: researcher.email, researcherId: researcher.id, plain: plain.email };
	} finally {
		await h.close();
	}
});
afterAll(async () => {
	await target?.remove();
});

const out = (name: string) => join(target.dataDir, name);
const exportArgs = (round: string, format: string, file: string, ...rest: string[]) => ['export', '--org', seeded.slug, '--round', round, '--format', format, '--out', out(file), ...rest];

describe(`leerkompas export (${targetKind})`, () => {
	it('writes the research data as .sav, logged as a command-line export', async () => {
		const r = await runCliInProcess(exportArgs('voorjaar 2026', 'sav', 'voorjaar.sav'), target.env);
		expect(r, r.stderr).toMatchObject({ code: 0 });
		expect(r.stderr).toContain('(7 personen)');
		const { meta } = await readSav(readFileSync(out('voorjaar.sav')));
		expect(meta.header.n_cases).toBe(7);
		expect(meta.sysvars.map((v) => v.name)).toContain('age');
		const h = await target.open();
		try {
			const lines = await h.db.select().from(exportAudit).where(eq(exportAudit.firmId, seeded.firmId));
			expect(lines).toMatchObject([{ userId: null, basis: 'cli', level: 'research', format: 'sav', respondents: 7 }]);
		} finally {
			await h.close();
		}
	}, 240_000);

	it('writes report figures for Dutch Excel by default, and refuses to overwrite without --force', async () => {
		const r = await runCliInProcess(exportArgs('Voorjaar 2026', 'csv-nl', 'rapport.csv'), target.env);
		expect(r.code).toBe(0);
		const bytes = readFileSync(out('rapport.csv'));
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		expect(bytes.toString('utf8', 3, 40)).toMatch(/^section;id;aspect;/);
		const again = await runCliInProcess(exportArgs('Voorjaar 2026', 'csv-nl', 'rapport.csv'), target.env);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('bestaat al');
		expect((await runCliInProcess(exportArgs('Voorjaar 2026', 'csv', 'rapport.csv', '--level', 'respondents', '--force'), target.env)).code).toBe(0);
		expect(readFileSync(out('rapport.csv'), 'utf8').split('\n')[0]).toMatch(/^werk_1,.*,age,/);
	}, 240_000);

	it('says plainly what is wrong, without a stack trace', async () => {
		const few = await runCliInProcess(exportArgs(seeded.few, 'csv', 'few.csv', '--level', 'respondents'), target.env);
		expect(few.code).toBe(1);
		expect(few.stderr).toContain('minstens 5 medewerkers');
		expect(existsSync(out('few.csv'))).toBe(false);
		const bad = await runCliInProcess(exportArgs(seeded.full, 'xls', 'x.xls'), target.env);
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('Kies csv, csv-nl of sav');
		const savReport = await runCliInProcess(exportArgs(seeded.full, 'sav', 'x.sav', '--level', 'report'), target.env);
		expect(savReport.code).toBe(2);
		const noRound = await runCliInProcess(exportArgs('Bestaat niet', 'csv', 'x.csv'), target.env);
		expect(noRound.code).toBe(1);
		expect(noRound.stderr).toContain("geen ronde met de naam 'Bestaat niet'");
		for (const r of [few, bad, savReport, noRound]) expect(hasStackTrace(r.stderr)).toBe(false);
	}, 240_000);
});

describe(`leerkompas agreement (${targetKind})`, () => {
	it('records an agreement only on an admin’s name, and revokes it', async () => {
		const args = (by: string) => ['agreement', 'add', '--org', seeded.slug, '--email', seeded.researcher, '--by', by];
		const notAdmin = await runCliInProcess(args(seeded.plain), target.env);
		expect(notAdmin.code).toBe(1);
		expect(notAdmin.stderr).toContain('is geen beheerder');
		const added = await runCliInProcess(args(seeded.admin), target.env);
		expect(added.code, added.stderr).toBe(0);
		expect(added.stderr).toContain('Rik Onderzoeker mag de onderzoeksgegevens van Bakkerij De Korenaar downloaden');
		expect((await runCliInProcess(args(seeded.admin), target.env)).code).toBe(1);
		const revoked = await runCliInProcess(['agreement', 'revoke', '--org', seeded.slug, '--email', seeded.researcher], target.env);
		expect(revoked.code).toBe(0);
		const h = await target.open();
		try {
			const [row] = await h.db.select().from(dataAgreement).where(eq(dataAgreement.userId, seeded.researcherId));
			expect(row?.revokedAt).toBeInstanceOf(Date);
		} finally {
			await h.close();
		}
	}, 240_000);
});

describe(`leerkompas retention run (${targetKind})`, () => {
	it('removes old answers of closed rounds and prints what it did', async () => {
		const r = await runCliInProcess(['retention', 'run'], { ...target.env, LEERKOMPAS_RETENTION_MONTHS: '24' });
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toMatch(/^Antwoorden van voor \d{4}-\d{2}-\d{2} verwijderd: 6 antwoorden uit 1 rondes\./);
		const h = await target.open();
		try {
			expect(await h.db.$count(scanResponse, eq(scanResponse.roundId, seeded.oldId))).toBe(0);
		} finally {
			await h.close();
		}
	}, 240_000);
});
