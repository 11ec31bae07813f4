import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind } from '../../../../../tests/helpers/database';
import { useFirmDatabase } from '../../../../../tests/helpers/firm-database';
import { makeCards, makeRound } from '../../../../../tests/helpers/scan-factories';
import { roundCard, scanResponse, scanRound, submissionReceipt, surveyDraft } from '../../db/schema';
import { readDraft, saveDraft, type DraftAnswers } from './draft-store';
import { findRoundByLinkToken, type SurveyRound } from './find-round';
import { newKey, sha256Hex, submissionKeyFor } from './keys';
import { submitResponse } from './submit-response';

const today = new Date().toISOString().slice(0, 10);
const answers: DraftAnswers = {
	werk_1: '4',
	werk_2: '9',
	ruimte_1: '2',
	age: '35_44',
	team: 'Werkplaats',
	learn_formal: 'yes',
	learn_need: '5',
	barriers: ['cost', 'no_time'],
	open_strength: 'We helpen elkaar.'
};

describe(`submitResponse (${databaseKind})`, () => {
	const db = useFirmDatabase();

	async function round(overrides: Parameters<typeof makeRound>[2] = {}): Promise<SurveyRound> {
		const row = await makeRound(db.h.db, db.firmId, { teams: ['Werkplaats', 'Kantoor'], ...overrides });
		return (await findRoundByLinkToken(db.h.db, row.linkToken))!;
	}
	async function draft(r: SurveyRound, data: DraftAnswers = answers): Promise<string> {
		const key = newKey();
		await saveDraft(db.h.db, r.id, key, data, today);
		return key;
	}
	const responsesOf = (r: SurveyRound) => db.h.db.select().from(scanResponse).where(eq(scanResponse.roundId, r.id));
	const receiptsOf = (r: SurveyRound) => db.h.db.select().from(submissionReceipt).where(eq(submissionReceipt.roundId, r.id));
	const send = (r: SurveyRound, key: string | null, extra: { submissionKey?: string | null; cardCode?: string | null; language?: 'nl' | 'ar' } = {}) =>
		submitResponse(db.h.db, {
			round: r,
			draftKey: key,
			submissionKey: extra.submissionKey === undefined ? (key ? submissionKeyFor(key) : null) : extra.submissionKey,
			cardCode: extra.cardCode ?? null,
			today,
			language: extra.language
		});

	it('stores the survey language the response was given in, and null where none was given', async () => {
		const r = await round();
		expect(await send(r, await draft(r), { language: 'ar' })).toEqual({ kind: 'stored' });
		expect(await send(r, await draft(r))).toEqual({ kind: 'stored' });
		expect((await responsesOf(r)).map((row) => row.language).sort()).toEqual(['ar', null]);
	});

	it('stores the response with the values given, the receipt, and deletes the draft', async () => {
		const r = await round();
		const key = await draft(r);
		expect(await send(r, key)).toEqual({ kind: 'stored' });
		const [stored, ...more] = await responsesOf(r);
		expect(more).toEqual([]);
		expect(stored).toMatchObject({ perspective: 'employee', source: 'survey', submittedOn: today });
		expect(stored!.answers.werk_1).toBe(4);
		expect(stored!.answers.werk_2).toBe(9);
		expect(stored!.answers.ruimte_1).toBe(2);
		expect(stored!.answers.werk_3).toBeNull();
		expect(stored!.background).toEqual({ age: '35_44', work_type: null, tenure: null, team: 'Werkplaats' });
		expect(stored!.learning).toEqual({ formal: true, nonFormal: null, informal: null, need: 5, intention: null, barriers: ['no_time', 'cost'] });
		expect(stored!.open).toEqual({ open_strength: 'We helpen elkaar.', open_improve: null });
		expect(await receiptsOf(r)).toEqual([{ roundId: r.id, keyHash: sha256Hex(submissionKeyFor(key)), receivedOn: today }]);
		expect(await readDraft(db.h.db, r.id, key)).toBeNull();
	});

	it('stores nothing that identifies a person or links the response to its key', async () => {
		const r = await round();
		const key = await draft(r);
		await send(r, key);
		const columns = await db.h.db.execute<{ column_name: string; data_type: string }>(
			sql`select column_name, data_type from information_schema.columns where table_name = 'scan_response' order by column_name`
		);
		const rows = Array.isArray(columns) ? columns : (columns as { rows: { column_name: string; data_type: string }[] }).rows;
		// Only these columns exist: no user, address, device, card or time of day. A new column fails this
		// test on purpose, so that someone checks it cannot tell respondents apart.
		expect(rows.map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
			'answers:jsonb',
			'background:jsonb',
			'id:uuid',
			// The survey language: six values, shown only as counts under the disclosure rules (report/languages).
			'language:text',
			'learning:jsonb',
			'open:jsonb',
			'perspective:text',
			'published_in:integer',
			'round_id:uuid',
			'source:text',
			'submitted_on:date'
		]);
		const [stored] = await responsesOf(r);
		// the report version that takes it in is set by the report, in steps of k, never at sending
		expect(stored!.publishedIn).toBeNull();
		const text = JSON.stringify(stored);
		for (const secret of [key, sha256Hex(key), submissionKeyFor(key), sha256Hex(submissionKeyFor(key))]) expect(text).not.toContain(secret);
		// The receipt has no column that could point at the response.
		const receiptColumns = await db.h.db.execute<{ column_name: string }>(sql`select column_name from information_schema.columns where table_name = 'submission_receipt' order by column_name`);
		const receiptRows = Array.isArray(receiptColumns) ? receiptColumns : (receiptColumns as { rows: { column_name: string }[] }).rows;
		expect(receiptRows.map((c) => c.column_name)).toEqual(['key_hash', 'received_on', 'round_id']);
	});

	it('counts a double submit once: the second post finds the receipt and stores nothing', async () => {
		const r = await round();
		const key = await draft(r);
		expect(await send(r, key)).toEqual({ kind: 'stored' });
		// the same form again (refresh, back button), with and without the draft cookie
		expect(await send(r, key)).toEqual({ kind: 'already_sent' });
		expect(await send(r, null, { submissionKey: submissionKeyFor(key) })).toEqual({ kind: 'already_sent' });
		expect(await responsesOf(r)).toHaveLength(1);
		expect(await receiptsOf(r)).toHaveLength(1);
	});

	it('counts two posts at the same moment once', async () => {
		const r = await round();
		const key = await draft(r);
		const results = await Promise.all([send(r, key), send(r, key), send(r, key)]);
		expect(results.map((x) => x.kind).sort()).toEqual(['already_sent', 'already_sent', 'stored']);
		expect(await responsesOf(r)).toHaveLength(1);
	});

	it('marks the card used in the same transaction', async () => {
		const r = await round({ inviteMode: 'cards' });
		const [card, other] = await makeCards(db.h.db, r.id, 2);
		const key = await draft(r);
		expect(await send(r, key, { cardCode: card })).toEqual({ kind: 'stored' });
		const cards = await db.h.db.select().from(roundCard).where(eq(roundCard.roundId, r.id));
		expect(cards.find((c) => c.code === card)!.usedOn).toBe(today);
		expect(cards.find((c) => c.code === other)!.usedOn).toBeNull();
	});

	it('stores nothing, and keeps the draft, when the card was used meanwhile', async () => {
		const r = await round({ inviteMode: 'cards' });
		const [card] = await makeCards(db.h.db, r.id, 1);
		await db.h.db.update(roundCard).set({ usedOn: today }).where(eq(roundCard.code, card!));
		const key = await draft(r);
		expect(await send(r, key, { cardCode: card })).toEqual({ kind: 'card_unusable' });
		expect(await responsesOf(r)).toEqual([]);
		expect(await receiptsOf(r)).toEqual([]);
		expect(await readDraft(db.h.db, r.id, key)).toEqual(answers);
	});

	it('rolls the card and the receipt back when storing the response fails', async () => {
		const r = await round({ inviteMode: 'cards' });
		const [card] = await makeCards(db.h.db, r.id, 1);
		const key = await draft(r);
		await db.h.db.execute(sql.raw(`create or replace function lk_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`));
		await db.h.db.execute(sql.raw(`create trigger lk_test_refuse before insert on scan_response for each row when (new.round_id = '${r.id}') execute function lk_test_refuse()`));
		try {
			await expect(send(r, key, { cardCode: card })).rejects.toThrow();
		} finally {
			await db.h.db.execute(sql.raw(`drop trigger lk_test_refuse on scan_response`));
		}
		const [stored] = await db.h.db.select().from(roundCard).where(eq(roundCard.roundId, r.id));
		expect(stored!.usedOn).toBeNull();
		expect(await receiptsOf(r)).toEqual([]);
		expect(await readDraft(db.h.db, r.id, key)).toEqual(answers);
		// and once the trouble is over, the same draft goes through
		expect(await send(r, key, { cardCode: card })).toEqual({ kind: 'stored' });
	});

	it('needs a card in a round that works with cards', async () => {
		const r = await round({ inviteMode: 'cards' });
		const key = await draft(r);
		expect(await send(r, key)).toEqual({ kind: 'card_required' });
		expect(await responsesOf(r)).toEqual([]);
	});

	it('refuses a paused or closed round, also when it closes just before the transaction', async () => {
		for (const status of ['paused', 'closed'] as const) {
			const r = await round({ status });
			const key = await draft(r);
			expect(await send(r, key)).toEqual({ kind: 'not_open', state: status });
		}
		const r = await round();
		const key = await draft(r);
		await db.h.db.update(scanRound).set({ status: 'closed' }).where(eq(scanRound.id, r.id));
		expect(await send(r, key)).toEqual({ kind: 'not_open', state: 'closed' });
		expect(await responsesOf(r)).toEqual([]);
		expect(await receiptsOf(r)).toEqual([]);
	});

	it('says so when there is no draft, or nothing with an opinion in it', async () => {
		const r = await round();
		expect(await send(r, null)).toEqual({ kind: 'no_draft' });
		expect(await send(r, newKey())).toEqual({ kind: 'no_draft' });
		const key = await draft(r, { werk_1: '9', age: '25_34' });
		expect(await send(r, key)).toEqual({ kind: 'nothing_answered' });
		expect(await responsesOf(r)).toEqual([]);
	});

	it('asks again for an answer that no longer fits the round, and drops a question the round no longer asks', async () => {
		const r = await round();
		const key = await draft(r, { werk_1: '4', team: 'Werkplaats' });
		const renamed = { ...r, teams: ['Atelier'] };
		expect(await send(renamed, key)).toEqual({ kind: 'invalid', issues: [{ field: 'team', code: 'unknown_category' }] });
		const noTeams = { ...r, teams: [] };
		expect(await send(noTeams, key)).toEqual({ kind: 'stored' });
		const [stored] = await responsesOf(r);
		expect(stored!.background.team).toBeNull();
	});

	it('refuses a draft tampered with in the database rather than storing bad values', async () => {
		const r = await round();
		const key = await draft(r, { werk_1: '4' });
		await db.h.db.update(surveyDraft).set({ data: { werk_1: '7' } }).where(eq(surveyDraft.keyHash, sha256Hex(key)));
		expect(await send(r, key)).toEqual({ kind: 'invalid', issues: [{ field: 'werk_1', code: 'answer_out_of_range' }] });
	});
});
