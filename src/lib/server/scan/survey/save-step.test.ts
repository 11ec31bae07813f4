import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind } from '../../../../../tests/helpers/database';
import { useFirmDatabase } from '../../../../../tests/helpers/firm-database';
import { makeRound } from '../../../../../tests/helpers/scan-factories';
import { loadInstrument } from '../../../domain/instrument';
import { surveyDraft } from '../../db/schema';
import { readDraft } from './draft-store';
import { findRoundByLinkToken, type SurveyRound } from './find-round';
import { newKey } from './keys';
import { saveStep } from './save-step';
import { findStep, surveySteps } from './steps';

const instrument = loadInstrument('v1');
const steps = surveySteps(instrument, ['Werkplaats']);
const werk = findStep(steps, 'werk')!;
const open = findStep(steps, 'open')!;
const today = new Date().toISOString().slice(0, 10);

describe(`saveStep (${databaseKind})`, () => {
	const db = useFirmDatabase();

	async function round(overrides: Parameters<typeof makeRound>[2] = {}): Promise<SurveyRound> {
		const row = await makeRound(db.h.db, db.firmId, { teams: ['Werkplaats'], ...overrides });
		return (await findRoundByLinkToken(db.h.db, row.linkToken))!;
	}
	const draftsOf = (r: SurveyRound) => db.h.db.select().from(surveyDraft).where(eq(surveyDraft.roundId, r.id));

	it('starts a draft under a new key and adds later screens to it', async () => {
		const r = await round();
		const first = await saveStep(db.h.db, { round: r, step: werk, draftKey: null, posted: { werk_1: '4', werk_2: '9' }, today });
		expect(first.ok).toBe(true);
		const key = first.ok ? first.draftKey : null;
		expect(key).toEqual(expect.any(String));
		const second = await saveStep(db.h.db, { round: r, step: open, draftKey: key, posted: { open_strength: 'Veel!' }, today });
		expect(second).toEqual({ ok: true, draftKey: key });
		expect(await readDraft(db.h.db, r.id, key!)).toEqual({ werk_1: '4', werk_2: '9', open_strength: 'Veel!' });
	});

	it('changes an answer when a screen is posted again', async () => {
		const r = await round();
		const first = await saveStep(db.h.db, { round: r, step: werk, draftKey: null, posted: { werk_1: '4', werk_2: '2' }, today });
		const key = first.ok ? first.draftKey : null;
		await saveStep(db.h.db, { round: r, step: werk, draftKey: key, posted: { werk_1: '1' }, today });
		expect(await readDraft(db.h.db, r.id, key!)).toEqual({ werk_1: '1' });
	});

	it('stores nothing for an empty first screen', async () => {
		const r = await round();
		expect(await saveStep(db.h.db, { round: r, step: werk, draftKey: null, posted: {}, today })).toEqual({ ok: true, draftKey: null });
		expect(await draftsOf(r)).toEqual([]);
	});

	it('never reuses a key whose draft is gone', async () => {
		const r = await round();
		const stale = newKey();
		const result = await saveStep(db.h.db, { round: r, step: werk, draftKey: stale, posted: { werk_1: '3' }, today });
		expect(result.ok && result.draftKey).not.toBe(stale);
		expect(await readDraft(db.h.db, r.id, stale)).toBeNull();
	});

	it('refuses every bad input and keeps the draft as it was', async () => {
		const r = await round();
		const first = await saveStep(db.h.db, { round: r, step: werk, draftKey: null, posted: { werk_1: '4' }, today });
		const key = first.ok ? first.draftKey : null;
		const bad: [typeof werk, Record<string, string>, string][] = [
			[werk, { werk_1: '6' }, 'answer_out_of_range'],
			[werk, { werk_1: '0' }, 'answer_out_of_range'],
			[werk, { werk_1: 'veel' }, 'invalid_type'],
			[werk, { werk_42: '3' }, 'not_on_screen'],
			[werk, { ruimte_1: '3' }, 'not_on_screen'],
			[open, { open_strength: 'x'.repeat(2001) }, 'open_too_long'],
			[findStep(steps, 'background')!, { team: 'Kantoor' }, 'unknown_category']
		];
		for (const [step, posted, code] of bad) {
			const result = await saveStep(db.h.db, { round: r, step, draftKey: key, posted, today });
			expect(result, JSON.stringify(posted)).toMatchObject({ ok: false, reason: 'invalid', issues: [{ code }] });
		}
		expect(await readDraft(db.h.db, r.id, key!)).toEqual({ werk_1: '4' });
	});

	it('takes nothing in a paused, closed or not yet open round', async () => {
		const cases = [
			[{ status: 'paused' as const }, 'paused'],
			[{ status: 'closed' as const }, 'closed'],
			[{ closesOn: '2020-01-31', opensOn: '2020-01-01' }, 'closed'],
			[{ opensOn: '2999-01-01', closesOn: '2999-02-01' }, 'not_open_yet']
		] as const;
		for (const [overrides, state] of cases) {
			const r = await round(overrides);
			expect(await saveStep(db.h.db, { round: r, step: werk, draftKey: null, posted: { werk_1: '4' }, today })).toEqual({ ok: false, reason: 'not_open', state });
			expect(await draftsOf(r)).toEqual([]);
		}
	});
});
