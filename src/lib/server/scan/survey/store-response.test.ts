import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { databaseKind } from '../../../../../tests/helpers/database';
import { useFirmDatabase } from '../../../../../tests/helpers/firm-database';
import { makeCards, makeRound } from '../../../../../tests/helpers/scan-factories';
import { loadInstrument } from '../../../domain/instrument';
import { roundCard, roundSignal, scanResponse, submissionReceipt } from '../../db/schema';
import { responseFromAnswers } from './answers';
import { readDraft, saveDraft } from './draft-store';
import { newKey } from './keys';
import { createResponseWriter } from './response-writer';
import { storeResponses, type StoreInput } from './store-response';

const today = new Date().toISOString().slice(0, 10);
const checked = responseFromAnswers(loadInstrument('v1'), { werk_1: '4', ruimte_2: '2', open_strength: 'Samen' }, { perspective: 'employee', teams: [] });
if (!checked.ok) throw new Error('the test response must be valid');
const response = checked.response;

describe(`storeResponses, many in one transaction (${databaseKind})`, () => {
	const db = useFirmDatabase();

	const input = (roundId: string, extra: Partial<StoreInput> = {}): StoreInput => ({
		round: { id: roundId },
		submissionKey: newKey(),
		cardCode: null,
		response,
		draftKey: null,
		today,
		...extra
	});
	const countOf = async (table: typeof scanResponse | typeof submissionReceipt, roundId: string) =>
		(await db.h.db.select({ roundId: table.roundId }).from(table).where(eq(table.roundId, roundId))).length;

	it('gives each response its own outcome, exactly as if each had been stored alone', async () => {
		const open = await makeRound(db.h.db, db.firmId, { inviteMode: 'cards' });
		const closed = await makeRound(db.h.db, db.firmId, { status: 'closed' });
		const [card, usedCard] = await makeCards(db.h.db, open.id, 2);
		await db.h.db.update(roundCard).set({ usedOn: today }).where(eq(roundCard.code, usedCard!));
		const earlier = input(open.id);
		expect(await storeResponses(db.h.db, [earlier])).toEqual([{ kind: 'stored' }]);
		const twice = newKey();
		const draftKey = newKey();
		await saveDraft(db.h.db, open.id, draftKey, { werk_1: '4' }, today);

		const results = await storeResponses(db.h.db, [
			input(open.id, { draftKey }),
			input(closed.id),
			{ ...earlier, submissionKey: earlier.submissionKey },
			input(open.id, { submissionKey: twice }),
			input(open.id, { submissionKey: twice }),
			input(open.id, { cardCode: card! }),
			input(open.id, { cardCode: card! }),
			input(open.id, { cardCode: usedCard! })
		]);
		expect(results).toEqual([
			{ kind: 'stored' },
			{ kind: 'not_open', state: 'closed' },
			{ kind: 'already_sent' },
			{ kind: 'stored' },
			{ kind: 'already_sent' },
			{ kind: 'stored' },
			{ kind: 'card_unusable' },
			{ kind: 'card_unusable' }
		]);
		// earlier + the three stored now; a response that was not stored leaves no receipt behind
		expect(await countOf(scanResponse, open.id)).toBe(4);
		expect(await countOf(submissionReceipt, open.id)).toBe(4);
		expect(await countOf(scanResponse, closed.id)).toBe(0);
		expect(await readDraft(db.h.db, open.id, draftKey)).toBeNull();
		const cards = await db.h.db.select().from(roundCard).where(eq(roundCard.roundId, open.id));
		expect(cards.find((c) => c.code === card)!.usedOn).toBe(today);
	});

	it('stores nothing of a batch that fails, and the writer then stores the others one by one', async () => {
		const good = await makeRound(db.h.db, db.firmId);
		const refused = await makeRound(db.h.db, db.firmId);
		await db.h.db.execute(sql.raw(`create or replace function lk_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$`));
		await db.h.db.execute(sql.raw(`create trigger lk_test_refuse before insert on scan_response for each row when (new.round_id = '${refused.id}') execute function lk_test_refuse()`));
		try {
			await expect(storeResponses(db.h.db, [input(good.id), input(refused.id)])).rejects.toThrow();
			expect(await countOf(scanResponse, good.id)).toBe(0);
			expect(await countOf(submissionReceipt, good.id)).toBe(0);

			const writer = createResponseWriter(db.h.db, { maxBatch: 50, parallel: 1 });
			const outcomes = await Promise.allSettled([writer.store(input(good.id)), writer.store(input(refused.id)), writer.store(input(good.id))]);
			expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			expect(await countOf(scanResponse, good.id)).toBe(2);
			expect(await countOf(submissionReceipt, refused.id)).toBe(0);
		} finally {
			await db.h.db.execute(sql.raw(`drop trigger lk_test_refuse on scan_response`));
		}
	});

	it('answers every caller of the writer once its response is stored, also under many at once', async () => {
		const r = await makeRound(db.h.db, db.firmId);
		const writer = createResponseWriter(db.h.db, { maxBatch: 25, parallel: 2 });
		const same = newKey();
		const results = await Promise.all([
			...Array.from({ length: 120 }, () => writer.store(input(r.id))),
			writer.store(input(r.id, { submissionKey: same })),
			writer.store(input(r.id, { submissionKey: same }))
		]);
		expect(results.filter((x) => x.kind === 'stored')).toHaveLength(121);
		expect(results.filter((x) => x.kind === 'already_sent')).toHaveLength(1);
		expect(await countOf(scanResponse, r.id)).toBe(121);
	});

	it('takes no answers for an imported round, whatever arrives at its link', async () => {
		const imported = await makeRound(db.h.db, db.firmId, { origin: 'imported' });
		expect(await storeResponses(db.h.db, [input(imported.id)])).toEqual([{ kind: 'imported' }]);
		expect(await countOf(scanResponse, imported.id)).toBe(0);
	});

	it('counts warning signals per round as responses are stored, and keeps nothing per response', async () => {
		const r = await makeRound(db.h.db, db.firmId);
		const instrument = loadInstrument('v1');
		const straight = responseFromAnswers(instrument, Object.fromEntries(instrument.items.map((i) => [i.id, '4'])), { perspective: 'employee', teams: [] });
		if (!straight.ok) throw new Error('the test response must be valid');
		const signals = async () => (await db.h.db.select().from(roundSignal).where(eq(roundSignal.roundId, r.id)))[0];
		expect(await storeResponses(db.h.db, [input(r.id)])).toEqual([{ kind: 'stored' }]);
		// nothing unusual yet: no counter row at all
		expect(await signals()).toBeUndefined();
		// the same answers as the one before (twice, one of them in the same batch), one straight-lined, two past the burst number
		const results = await storeResponses(db.h.db, [
			input(r.id, { burst: true }),
			input(r.id),
			input(r.id, { response: straight.response, burst: true })
		]);
		expect(results.every((x) => x.kind === 'stored')).toBe(true);
		expect(await signals()).toMatchObject({ burst: 2, identical: 2, sameAnswer: 1 });
		await storeResponses(db.h.db, [input(r.id, { response: straight.response })]);
		expect(await signals()).toMatchObject({ burst: 2, identical: 3, sameAnswer: 2 });
		// a response that is not stored (sent twice) raises nothing
		const again = input(r.id, { response: straight.response, burst: true });
		await storeResponses(db.h.db, [again]);
		await storeResponses(db.h.db, [{ ...again }]);
		expect(await signals()).toMatchObject({ burst: 3, identical: 4, sameAnswer: 3 });
	});
});
