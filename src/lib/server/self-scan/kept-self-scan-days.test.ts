import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import type { DatabaseHandle } from '../db/client';
import { keepSelfScan } from './keep-self-scan';
import { deleteKeptSelfScan } from './delete-kept-self-scan';
import { keptSelfScanDays } from './kept-self-scan-days';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe(`the links a browser remembers (${databaseKind})`, () => {
	it('gives the day of each kept scan, in the browser’s order, and leaves out deleted and malformed links', async () => {
		const answers = { version: 'v1', open: { wantToLearn: 'Lassen' }, choices: {} };
		const first = await keepSelfScan(h.db, answers, '2026-10-01');
		const second = await keepSelfScan(h.db, answers, '2026-11-01');
		const gone = await keepSelfScan(h.db, answers, '2026-09-01');
		expect(await deleteKeptSelfScan(h.db, gone.token)).toBe(true);
		expect(await keptSelfScanDays(h.db, [second.token, 'kapot', gone.token, first.token])).toEqual([
			{ token: second.token, keptOn: '2026-11-01' },
			{ token: first.token, keptOn: '2026-10-01' }
		]);
		expect(await keptSelfScanDays(h.db, [])).toEqual([]);
	});
});
