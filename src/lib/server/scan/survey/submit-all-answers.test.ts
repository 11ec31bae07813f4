import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind } from '../../../../../tests/helpers/database';
import { useFirmDatabase } from '../../../../../tests/helpers/firm-database';
import { makeCards, makeRound } from '../../../../../tests/helpers/scan-factories';
import { scanResponse } from '../../db/schema';
import type { PostedAnswers } from './answers';
import { readDraft, saveDraft } from './draft-store';
import { findRoundByLinkToken, type SurveyRound } from './find-round';
import { newKey } from './keys';
import { submitAllAnswers } from './submit-all-answers';

const today = new Date().toISOString().slice(0, 10);
const posted: PostedAnswers = { werk_1: '5', samen_2: '9', age: '25_34', team: 'Kantoor', learn_formal: 'no', barriers: ['cost'], open_improve: 'Meer tijd <b>samen</b>' };

describe(`submitAllAnswers, every question in one post (${databaseKind})`, () => {
	const db = useFirmDatabase();

	async function round(overrides: Parameters<typeof makeRound>[2] = {}): Promise<SurveyRound> {
		const row = await makeRound(db.h.db, db.firmId, { teams: ['Werkplaats', 'Kantoor'], ...overrides });
		return (await findRoundByLinkToken(db.h.db, row.linkToken))!;
	}
	const send = (r: SurveyRound, answers: PostedAnswers, extra: { submissionKey?: string | null; cardCode?: string | null; draftKey?: string | null; language?: 'pl' } = {}) =>
		submitAllAnswers(db.h.db, { round: r, posted: answers, submissionKey: newKey(), cardCode: null, draftKey: null, today, ...extra });
	const responsesOf = (r: SurveyRound) => db.h.db.select().from(scanResponse).where(eq(scanResponse.roundId, r.id));

	it('stores the answers as given, text word for word, in one post', async () => {
		const r = await round();
		expect(await send(r, posted)).toEqual({ kind: 'stored' });
		const [stored, ...more] = await responsesOf(r);
		expect(more).toEqual([]);
		expect(stored!.answers).toMatchObject({ werk_1: 5, samen_2: 9, werk_2: null });
		expect(stored!.background).toMatchObject({ age: '25_34', team: 'Kantoor' });
		expect(stored!.learning).toMatchObject({ formal: false, barriers: ['cost'] });
		expect(stored!.open).toEqual({ open_strength: null, open_improve: 'Meer tijd <b>samen</b>' });
	});

	it('stores the survey language of the page with the response', async () => {
		const r = await round();
		expect(await send(r, posted, { language: 'pl' })).toEqual({ kind: 'stored' });
		expect((await responsesOf(r)).map((row) => row.language)).toEqual(['pl']);
	});

	it('counts the same page posted twice once', async () => {
		const r = await round();
		const submissionKey = newKey();
		expect(await send(r, posted, { submissionKey })).toEqual({ kind: 'stored' });
		expect(await send(r, posted, { submissionKey })).toEqual({ kind: 'already_sent' });
		expect(await responsesOf(r)).toHaveLength(1);
	});

	it('deletes a draft this browser started on the screens', async () => {
		const r = await round();
		const draftKey = newKey();
		await saveDraft(db.h.db, r.id, draftKey, { werk_1: '2' }, today);
		expect(await send(r, posted, { draftKey })).toEqual({ kind: 'stored' });
		expect(await readDraft(db.h.db, r.id, draftKey)).toBeNull();
	});

	it('refuses, storing nothing: a wrong value, a question not asked, no opinion at all, a missing key', async () => {
		const r = await round();
		expect(await send(r, { ...posted, werk_1: '6' })).toEqual({ kind: 'invalid', issues: [{ field: 'werk_1', code: 'answer_out_of_range' }] });
		expect(await send(r, { ...posted, team: 'Directie' })).toMatchObject({ kind: 'invalid', issues: [{ field: 'team' }] });
		expect(await send(r, { ...posted, "werk_1'; drop table scan_response; --": '4' })).toMatchObject({ kind: 'invalid', issues: [{ field: null, code: 'not_on_screen' }] });
		expect(await send(r, { werk_1: '9', age: '25_34' })).toEqual({ kind: 'nothing_answered' });
		expect(await send(r, posted, { submissionKey: null })).toEqual({ kind: 'no_key' });
		expect(await responsesOf(r)).toEqual([]);
	});

	it('needs an unused card in a round that works with cards, and refuses a closed round', async () => {
		const cards = await round({ inviteMode: 'cards' });
		const [card] = await makeCards(db.h.db, cards.id, 1);
		expect(await send(cards, posted)).toEqual({ kind: 'card_required' });
		expect(await send(cards, posted, { cardCode: card! })).toEqual({ kind: 'stored' });
		expect(await send(cards, posted, { cardCode: card! })).toEqual({ kind: 'card_unusable' });
		expect(await responsesOf(cards)).toHaveLength(1);
		const closed = await round({ status: 'closed' });
		expect(await send(closed, posted)).toEqual({ kind: 'not_open', state: 'closed' });
		expect(await responsesOf(closed)).toEqual([]);
	});
});
