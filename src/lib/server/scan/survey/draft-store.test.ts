import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import { makeRound } from '../../../../../tests/helpers/scan-factories';
import type { DatabaseHandle } from '../../db/client';
import { surveyDraft } from '../../db/schema';
import { deleteDraft, deleteDraftsOfRound, deleteDraftsUntouchedSince, readDraft, saveDraft } from './draft-store';
import { newKey, sha256Hex } from './keys';

describe(`draft store (${databaseKind})`, () => {
	let h: DatabaseHandle;
	let firmId: string;
	let roundId: string;
	let otherRoundId: string;
	beforeAll(async () => {
		h = await openTestDatabase();
		firmId = (await makeFirm(h.db)).id;
	});
	afterAll(async () => {
		await h.close();
	});
	// Each test gets rounds of its own, so one database serves the whole file.
	beforeEach(async () => {
		roundId = (await makeRound(h.db, firmId)).id;
		otherRoundId = (await makeRound(h.db, firmId)).id;
	});
	const draftsOf = (id: string) => h.db.select().from(surveyDraft).where(eq(surveyDraft.roundId, id));

	it('keeps answers under the hash of the key, never the key itself', async () => {
		const key = newKey();
		await saveDraft(h.db, roundId, key, { werk_1: '4', barriers: ['cost'] }, '2025-03-03');
		expect(await readDraft(h.db, roundId, key)).toEqual({ werk_1: '4', barriers: ['cost'] });
		const rows = await draftsOf(roundId);
		expect(rows).toEqual([{ keyHash: sha256Hex(key), roundId, data: { werk_1: '4', barriers: ['cost'] }, updatedOn: '2025-03-03' }]);
		expect(JSON.stringify(rows)).not.toContain(key);
	});

	it('replaces the answers on a later save', async () => {
		const key = newKey();
		await saveDraft(h.db, roundId, key, { werk_1: '4' }, '2025-03-03');
		await saveDraft(h.db, roundId, key, { werk_1: '2', werk_2: '9' }, '2025-03-04');
		expect(await readDraft(h.db, roundId, key)).toEqual({ werk_1: '2', werk_2: '9' });
		expect((await draftsOf(roundId)).map((d) => d.updatedOn)).toEqual(['2025-03-04']);
	});

	it('does not give or overwrite a draft through another round', async () => {
		const key = newKey();
		await saveDraft(h.db, roundId, key, { werk_1: '4' }, '2025-03-03');
		expect(await readDraft(h.db, otherRoundId, key)).toBeNull();
		await saveDraft(h.db, otherRoundId, key, { werk_1: '1' }, '2025-03-03');
		expect(await readDraft(h.db, roundId, key)).toEqual({ werk_1: '4' });
		await deleteDraft(h.db, otherRoundId, key);
		expect(await readDraft(h.db, roundId, key)).toEqual({ werk_1: '4' });
	});

	it('refuses data that is not answers', async () => {
		await expect(saveDraft(h.db, roundId, newKey(), { 'Bad Key': '1' }, '2025-03-03')).rejects.toThrow();
		expect(await draftsOf(roundId)).toEqual([]);
	});

	it('deletes one draft, all drafts of a round, or drafts untouched for long', async () => {
		const [a, b, c] = [newKey(), newKey(), newKey()];
		await saveDraft(h.db, roundId, a, { werk_1: '1' }, '2025-01-01');
		await saveDraft(h.db, roundId, b, { werk_1: '2' }, '2025-03-01');
		await saveDraft(h.db, otherRoundId, c, { werk_1: '3' }, '2025-03-01');
		await deleteDraft(h.db, roundId, a);
		expect(await readDraft(h.db, roundId, a)).toBeNull();
		expect(await deleteDraftsOfRound(h.db, roundId)).toBe(1);
		expect(await readDraft(h.db, otherRoundId, c)).toEqual({ werk_1: '3' });
		await saveDraft(h.db, roundId, a, { werk_1: '1' }, '2025-01-01');
		expect(await deleteDraftsUntouchedSince(h.db, '2025-02-01')).toBe(1);
		expect(await readDraft(h.db, otherRoundId, c)).toEqual({ werk_1: '3' });
	});
});
