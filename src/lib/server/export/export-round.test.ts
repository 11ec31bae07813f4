import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday, makeRound } from '../../../../tests/helpers/scan-factories';
import { FORMULA_MARKUP_OPEN_ANSWER, HOSTILE_OPEN_ANSWERS, MARKUP_OPEN_ANSWER, insertResponses, instrument, roundWithAnswers } from '../../../../tests/helpers/export-fixtures';
import { readSav, SAV_SYSMIS } from '../../../../tests/helpers/sav-reader';
import { sampleResponses } from '../report/sample-responses';
import { findReportRound } from '../report/publish/report-round';
import { roundReport } from '../report/publish/round-report';
import type { DatabaseHandle } from '../db/client';
import { exportAudit, roundRetention, scanResponse } from '../db/schema';
import { findExportFile } from './export-files';
import { exportRound, publishedEmployeeResponses, type ExportRequest } from './export-round';
import { respondentTable, shuffle } from './respondent-table';

const today = dayFromToday(0);
let h: DatabaseHandle;
let firm: Awaited<ReturnType<typeof makeFirm>>;
let ownerId: string;

beforeAll(async () => {
	h = await openTestDatabase();
	ownerId = (await makeUser(h.db)).id;
	firm = await makeFirm(h.db, { ownerId, name: 'Bakkerij De Korenaar' });
});
afterAll(async () => {
	await h?.close();
});

function request(round: ExportRequest['round'], file: string, overrides: Partial<ExportRequest> = {}): ExportRequest {
	return {
		firm: { id: firm.id, slug: firm.slug, name: firm.name },
		round,
		file: findExportFile(file)!,
		actor: { userId: ownerId, basis: 'agreement' },
		today,
		locale: 'nl',
		...overrides
	};
}

const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const auditOf = (roundId: string) => h.db.select().from(exportAudit).where(eq(exportAudit.roundId, roundId));

describe(`report figures (${databaseKind})`, () => {
	it('as CSV hold the report’s own figures, in both dialects, and write no audit line', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 8, seed: 3 });
		const report = (await roundReport(h.db, firm.name, round, { today, locale: 'nl' })).report;
		const plain = await exportRound(h.db, request(round, 'report.csv'));
		const dutch = await exportRound(h.db, request(round, 'report-nl.csv'));
		if (!plain.ok || !dutch.ok) throw new Error('export refused');
		const rows = Papa.parse<Record<string, string>>(text(plain.file.body), { header: true, skipEmptyLines: true }).data;
		const werk = rows.find((r) => r.section === 'aspect' && r.id === 'werk')!;
		const reportWerk = report.aspects.find((a) => a.id === 'werk')!;
		expect(Number(werk.mean)).toBe(reportWerk.employee.mean);
		expect(Number(werk.n)).toBe(8);
		expect(Number(rows.find((r) => r.section === 'item' && r.id === 'werk_1')!.answer_4)).toBe(report.items[0]!.employee.distribution!['4']);
		const nl = text(dutch.file.body);
		expect(nl.startsWith('\uFEFFsection;id;aspect;')).toBe(true);
		expect(nl).toContain(`;${String(reportWerk.employee.mean).replace('.', ',')};`);
		expect(await auditOf(round.id)).toEqual([]);
	});

	it('as JSON is the report itself', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 6, seed: 4 });
		const result = await exportRound(h.db, request(round, 'report.json', { locale: 'en' }));
		if (!result.ok) throw new Error('export refused');
		const json = JSON.parse(text(result.file.body));
		expect(json.respondents).toEqual({ employee: 6, owner: 1 });
		expect(json.locale).toBe('en');
		expect(result.file.contentType).toMatch(/^application\/json/);
	});
});

describe(`answers per person (${databaseKind})`, () => {
	it('are refused below k employees, and nothing is logged', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 4, seed: 5 });
		expect(await exportRound(h.db, request(round, 'research.csv'))).toEqual({ ok: false, reason: 'too_few', threshold: 5 });
		expect(await auditOf(round.id)).toEqual([]);
	});

	it('hold exactly the published respondents, in the order the random source gives', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 5, seed: 6, openAnswersVerbatim: true, openTexts: ['Fijn team'] });
		// Not the identity: the file must follow this order, not the order the database returns.
		const pick = (n: number) => Math.floor(n / 2);
		const result = await exportRound(h.db, request(round, 'research.csv', { randomInt: pick }));
		if (!result.ok) throw new Error('export refused');
		const expected = respondentTable(instrument, shuffle(await publishedEmployeeResponses(h.db, round.id), pick), { locale: 'nl', teams: round.teams, openAnswersVerbatim: true });
		const parsed = Papa.parse<string[]>(text(result.file.body), { skipEmptyLines: true }).data;
		expect(parsed[0]).toEqual(expected.variables.map((v) => v.name));
		expect(parsed.slice(1)).toEqual(expected.rows.map((row) => row.map((v) => (v === null ? '' : String(v)))));
	});

	it('change only in steps of k: answers that came after the published version are not in the file', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 5, seed: 8 });
		const first = await exportRound(h.db, request(round, 'research.csv'));
		await insertResponses(h.db, round.id, sampleResponses(instrument, 4, 'employee', { seed: 80 }), today);
		const second = await exportRound(h.db, request(round, 'research.csv'));
		if (!first.ok || !second.ok) throw new Error('export refused');
		expect(first.file.respondents).toBe(5);
		expect(second.file.respondents).toBe(5);
		await insertResponses(h.db, round.id, sampleResponses(instrument, 1, 'employee', { seed: 81 }), today);
		const third = await exportRound(h.db, request(round, 'research-nl.csv'));
		if (!third.ok) throw new Error('export refused');
		expect(third.file.respondents).toBe(10);
	});

	it('write who, what and how many to the audit log', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 5, seed: 9 });
		await exportRound(h.db, request(round, 'research-nl.csv'));
		const [line] = await auditOf(round.id);
		expect(line).toMatchObject({ firmId: firm.id, roundId: round.id, userId: ownerId, basis: 'agreement', level: 'research', format: 'csv-nl', respondents: 5 });
		expect(line!.exportedAt).toBeInstanceOf(Date);
	});

	it('are no longer a file of their own for the firm: the statements files are gone', () => {
		expect(findExportFile('statements.csv')).toBeNull();
		expect(findExportFile('statements-nl.csv')).toBeNull();
	});
});

describe(`research data (${databaseKind})`, () => {
	it('hold background and open answers, with hostile open answers neutralised in CSV', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 6, seed: 10, openAnswersVerbatim: true, openTexts: HOSTILE_OPEN_ANSWERS });
		const researcher = await makeUser(h.db);
		const result = await exportRound(h.db, request(round, 'research.csv', { actor: { userId: researcher.id, basis: 'agreement' } }));
		if (!result.ok) throw new Error('export refused');
		const rows = Papa.parse<Record<string, string>>(text(result.file.body), { header: true, skipEmptyLines: true }).data;
		expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['age', 'work_type', 'tenure', 'team', 'learn_need', 'barrier_no_time', 'open_strength', 'open_improve']));
		const open = rows.flatMap((r) => [r.open_strength, r.open_improve]).filter((v) => v !== '');
		expect(open.length).toBeGreaterThan(0);
		for (const value of open) {
			expect(HOSTILE_OPEN_ANSWERS).toContain(value!.slice(1));
			expect(value!.startsWith("'")).toBe(true);
		}
		const [line] = await auditOf(round.id);
		expect(line).toMatchObject({ userId: researcher.id, basis: 'agreement', level: 'research', format: 'csv', respondents: 6 });
	});

	it('as .sav read back to the same values, with value labels and 9 as user-missing', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 7, seed: 11, openAnswersVerbatim: true, openTexts: ['Goed overleg.'] });
		const pick = () => 0;
		const result = await exportRound(h.db, request(round, 'research.sav', { randomInt: pick, actor: { userId: null, basis: 'cli' } }));
		if (!result.ok) throw new Error('export refused');
		const expected = respondentTable(instrument, shuffle(await publishedEmployeeResponses(h.db, round.id), pick), { locale: 'nl', teams: round.teams, openAnswersVerbatim: true });
		const { meta, rows } = await readSav(result.file.body as Uint8Array);
		expect(meta.header.n_cases).toBe(7);
		expect(meta.sysvars.map((v) => v.name)).toEqual(expected.variables.map((v) => v.name));
		const back = rows.map((row) => expected.variables.map((v) => (row[v.name] === SAV_SYSMIS || row[v.name] === '' ? null : row[v.name])));
		expect(back).toEqual(expected.rows);
		const workType = instrument.background.find((b) => b.id === 'work_type')!;
		expect(meta.getValueLabels('work_type')).toEqual(workType.categories.map((c) => ({ val: c.code, label: c.label.nl })));
		expect(meta.sysvars.find((v) => v.name === 'werk_1')?.missing).toBe(9);
		expect((await auditOf(round.id))[0]).toMatchObject({ userId: null, basis: 'cli', format: 'sav', level: 'research' });
	});
});

describe(`an open answer full of markup (${databaseKind})`, () => {
	it('is exported as typed: the CSV text itself (a leading formula neutralised, in both dialects), the .sav the very same string', async () => {
		const row = await makeRound(h.db, firm.id, { openAnswersVerbatim: true, teams: ['Bakkerij', 'Winkel'] });
		const employees = sampleResponses(instrument, 5, 'employee', { seed: 13, teams: ['Bakkerij', 'Winkel'] }).map((r) => ({
			...r,
			open: { open_strength: MARKUP_OPEN_ANSWER, open_improve: FORMULA_MARKUP_OPEN_ANSWER }
		}));
		await insertResponses(h.db, row.id, employees, today);
		const round = (await findReportRound(h.db, firm.id, row.id))!;
		const researcher = { actor: { userId: (await makeUser(h.db)).id, basis: 'agreement' as const } };

		for (const [file, delimiter] of [['research.csv', ','], ['research-nl.csv', ';']] as const) {
			const result = await exportRound(h.db, request(round, file, researcher));
			if (!result.ok) throw new Error('export refused');
			const rows = Papa.parse<Record<string, string>>(text(result.file.body).replace(/^\uFEFF/, ''), { header: true, delimiter, skipEmptyLines: true }).data;
			expect(rows).toHaveLength(5);
			for (const r of rows) {
				expect(r.open_strength).toBe(MARKUP_OPEN_ANSWER);
				expect(r.open_improve).toBe(`'${FORMULA_MARKUP_OPEN_ANSWER}`);
			}
		}

		const sav = await exportRound(h.db, request(round, 'research.sav', researcher));
		if (!sav.ok) throw new Error('export refused');
		const { rows } = await readSav(sav.file.body as Uint8Array);
		expect(rows.map((r) => [r.open_strength, r.open_improve])).toEqual(Array(5).fill([MARKUP_OPEN_ANSWER, FORMULA_MARKUP_OPEN_ANSWER]));
	});
});

describe(`after retention (${databaseKind})`, () => {
	it('gives the stored figures but no respondent-level data', async () => {
		const { round } = await roundWithAnswers(h.db, firm.id, { employees: 5, seed: 12 });
		const before = await exportRound(h.db, request(round, 'report.json'));
		await h.db.delete(scanResponse).where(eq(scanResponse.roundId, round.id));
		await h.db.insert(roundRetention).values({ roundId: round.id, removedOn: today, responsesRemoved: 6 });
		expect(await exportRound(h.db, request(round, 'research.csv'))).toEqual({ ok: false, reason: 'removed' });
		const after = await exportRound(h.db, request(round, 'report.json'));
		if (!before.ok || !after.ok) throw new Error('export refused');
		expect(JSON.parse(text(after.file.body))).toEqual(JSON.parse(text(before.file.body)));
	});
});
