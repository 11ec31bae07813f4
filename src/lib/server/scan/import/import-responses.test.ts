import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../../tests/helpers/factories';
import type { DatabaseHandle } from '../../db/client';
import { scanResponse, scanRound } from '../../db/schema';
import { closeRound } from '../rounds/close-round';
import { createRound } from '../rounds/create-round';
import { importResponses } from './import-responses';
import { decodeCsvBytes } from './import-responses.schema';

const today = '2025-05-06';
const csv = ['perspective;werk_1;werk_2;age;team;barrier_cost;open_improve', 'employee;4;9;25_34;Winkel;1;Meer tijd', 'employee;2;;;Bakkerij;0;', 'owner;5;4;;;;'].join('\n');

describe(`importResponses (${databaseKind})`, () => {
	let h: DatabaseHandle;
	beforeAll(async () => {
		h = await openTestDatabase();
	});
	afterAll(async () => {
		await h.close();
	});

	const responsesOf = (roundId: string) => h.db.select().from(scanResponse).where(eq(scanResponse.roundId, roundId));

	it('creates the round when it does not exist, with the teams in the file, and stores every response by day', async () => {
		const firm = await makeFirm(h.db, { employees: 2 });
		const result = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'Papieren scan 2024', csv } });
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result).toMatchObject({ createdRound: true, imported: { employee: 2, owner: 1 }, round: { name: 'Papieren scan 2024' } });
		const [round] = await h.db.select().from(scanRound).where(eq(scanRound.id, result.round.id));
		// an imported round invited nobody through Leerkompas: no number invited, so no response rate
		expect(round).toMatchObject({ firmId: firm.id, teams: ['Winkel', 'Bakkerij'], invited: 0, status: 'open', origin: 'imported' });
		const stored = await responsesOf(result.round.id);
		expect(stored).toHaveLength(3);
		for (const row of stored) {
			expect(row.source).toBe('import');
			expect(row.submittedOn).toBe(today);
		}
		const first = stored.find((r) => r.answers.werk_1 === 4)!;
		expect(first.answers.werk_2).toBe(9);
		expect(first.background).toEqual({ age: '25_34', work_type: null, tenure: null, team: 'Winkel' });
		expect(first.learning).toMatchObject({ barriers: ['cost'] });
		expect(first.open).toEqual({ open_strength: null, open_improve: 'Meer tijd' });
		expect(stored.filter((r) => r.perspective === 'owner')).toHaveLength(1);
	});

	it('adds to an imported round, found whatever the capitals, checking teams against the round', async () => {
		const firm = await makeFirm(h.db, { employees: 20 });
		const first = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'Voorjaar', csv: 'perspective,team,werk_1\nemployee,Winkel,5' } });
		if (!first.ok) throw new Error('no round');
		const created = first;
		const refused = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'voorjaar', csv } });
		expect(refused).toMatchObject({ ok: false, reason: 'problems', problems: [{ row: 3, column: 'team', code: 'unknown_category' }] });
		expect(await responsesOf(created.round.id)).toHaveLength(1);

		const accepted = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'VOORJAAR', csv: 'perspective,team,werk_1\nemployee,Winkel,3\nemployee,,4' } });
		expect(accepted).toMatchObject({ ok: true, createdRound: false, round: { id: created.round.id, name: 'Voorjaar' }, imported: { employee: 2, owner: 0 } });
		expect(await responsesOf(created.round.id)).toHaveLength(3);
	});

	it('refuses to read rows into a round Leerkompas collects, before its first answer and after', async () => {
		const firm = await makeFirm(h.db, { employees: 20 });
		const created = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Via de link', teams: ['Winkel', 'Bakkerij'] } });
		if (!created.ok) throw new Error('no round');
		expect(created.round.origin).toBe('collected');
		const refused = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'via de link', csv } });
		expect(refused).toEqual({ ok: false, reason: 'round_collected', round: { id: created.round.id, name: 'Via de link' } });
		expect(await responsesOf(created.round.id)).toHaveLength(0);
		const [round] = await h.db.select().from(scanRound).where(eq(scanRound.id, created.round.id));
		expect(round?.origin).toBe('collected');
	});

	it('stores nothing, not even the round, when one row is bad', async () => {
		const firm = await makeFirm(h.db);
		const bad = `${csv}\nemployee;7;3;;;;`;
		const result = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'Mislukt', csv: bad } });
		expect(result).toEqual({ ok: false, reason: 'problems', instrumentVersion: 'v1', problems: [{ row: 5, column: 'werk_1', code: 'answer_out_of_range' }] });
		expect(await h.db.select().from(scanRound).where(eq(scanRound.firmId, firm.id))).toEqual([]);
	});

	it('refuses a closed round, and a round name that is not allowed', async () => {
		const firm = await makeFirm(h.db);
		const created = await createRound(h.db, { firm, threshold: 5, today, input: { name: 'Klaar' } });
		if (!created.ok) throw new Error('no round');
		await closeRound(h.db, { firmId: firm.id, roundId: created.round.id });
		expect(await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'Klaar', csv } })).toMatchObject({ ok: false, reason: 'round_closed' });
		expect(await responsesOf(created.round.id)).toHaveLength(0);
		expect(await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: ' ', csv } })).toEqual({ ok: false, reason: 'invalid_round', errors: { name: 'required' } });
		expect(await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'x'.repeat(101), csv } })).toEqual({ ok: false, reason: 'invalid_round', errors: { name: 'too_long' } });
	});

	it('refuses a supervised round: it is collected by Leerkompas, so an import could pad it', async () => {
		const firm = await makeFirm(h.db, { employees: 12 });
		const adviser = await makeUser(h.db, { name: 'Ada Adviseur' });
		const created = await createRound(h.db, { firm, threshold: 5, today, supervisor: { id: adviser.id, name: adviser.name }, input: { name: 'Begeleid' } });
		if (!created.ok) throw new Error('no round');
		expect(await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'begeleid', csv } })).toMatchObject({ ok: false, reason: 'round_collected', round: { name: 'Begeleid' } });
		expect(await responsesOf(created.round.id)).toHaveLength(0);
	});

	it('stores many rows in one go', async () => {
		const firm = await makeFirm(h.db, { employees: 200 });
		const rows = Array.from({ length: 1200 }, (_, i) => `employee,${(i % 5) + 1}`).join('\n');
		const result = await importResponses(h.db, { firm, threshold: 5, today, input: { roundName: 'Groot', csv: `perspective,werk_1\n${rows}` } });
		if (!result.ok) throw new Error(JSON.stringify(result));
		expect(result.imported.employee).toBe(1200);
		expect(await responsesOf(result.round.id)).toHaveLength(1200);
	});
});

describe('decodeCsvBytes', () => {
	it('reads UTF-8 with and without a byte order mark', () => {
		const text = 'perspective,open_improve\nemployee,Één café';
		expect(decodeCsvBytes(new TextEncoder().encode(text))).toBe(text);
		expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
	});

	it('refuses what is not UTF-8 text', () => {
		expect(decodeCsvBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBeNull(); // "café" in Windows-1252
		expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeNull(); // the start of an .xlsx
	});
});
