import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useFirmDatabase } from '../../../../tests/helpers/firm-database';
import { makeFirm } from '../../../../tests/helpers/factories';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import { firmSelfScanLink as linkTable, keptSelfScan } from '../db/schema';
import { parseSelfScanAnswers, type SelfScanAnswers } from '../../domain/self-scan/questionnaire';
import { deleteKeptSelfScan } from './delete-kept-self-scan';
import { countSelfScanUse, firmSelfScanLink } from './firm-self-scan-link';
import { keepSelfScan } from './keep-self-scan';
import { openKeptSelfScan } from './open-kept-self-scan';
import { selfScanQuestionnaire } from './questionnaire';
import { openSelfScan, sealSelfScan, tokenHash } from './seal';
import { selfScanPdf } from './self-scan-pdf';
import { selfScanResult } from './self-scan-result';

const answers: SelfScanAnswers = {
	version: 'v1',
	open: { wentWell: 'Het dak van de school op tijd af', proudOf: 'Mijn lasnaad zonder fouten', wantToLearn: 'Werken met de nieuwe kraan' },
	choices: { learnWays: ['fromColleague'], inTheWay: ['noTime'] }
};

describe('the questionnaire in content/self-scan', () => {
	it('passes its schema, offers every part, and reads the answers a full page posts', () => {
		const questionnaire = selfScanQuestionnaire();
		expect(new Set(questionnaire.questions.map((q) => q.part))).toEqual(new Set(['strengths', 'wishes', 'obstacles']));
		const parsed = parseSelfScanAnswers(questionnaire, { wentWell: ['Het dak van de school op tijd af'], proudOf: ['Mijn lasnaad zonder fouten'], wantToLearn: ['Werken met de nieuwe kraan'], learnWays: ['fromColleague'], inTheWay: ['noTime'] });
		expect(parsed).toEqual({ ok: true, answers });
	});
});

describe('sealing a self-scan', () => {
	it('opens with its own token and with no other', () => {
		const sealed = sealSelfScan(answers);
		expect(openSelfScan(sealed.token, sealed)).toEqual(answers);
		const other = sealSelfScan(answers);
		expect(openSelfScan(other.token, sealed)).toBeNull();
		expect(sealed.tokenHash).toBe(tokenHash(sealed.token));
	});

	it('refuses a ciphertext changed by one bit', () => {
		const sealed = sealSelfScan(answers);
		const bytes = Buffer.from(sealed.ciphertext, 'base64');
		bytes[3] = bytes[3]! ^ 1;
		expect(openSelfScan(sealed.token, { iv: sealed.iv, ciphertext: bytes.toString('base64') })).toBeNull();
	});
});

describe('keeping, opening and deleting a self-scan', () => {
	const t = useFirmDatabase();

	it('stores no answer, no key and no token: only the ciphertext, the IV, the hash and the day', async () => {
		const { token } = await keepSelfScan(t.h.db, answers, '2026-11-30');
		const rows = await t.h.db.select().from(keptSelfScan).where(eq(keptSelfScan.tokenHash, tokenHash(token)));
		expect(rows).toHaveLength(1);
		const stored = JSON.stringify(rows);
		for (const secret of ['lasnaad', 'kraan', 'fromColleague', 'noTime', 'wentWell', token, token.slice(22)]) expect(stored).not.toContain(secret);
		const key = Buffer.from(token, 'base64url').subarray(16);
		expect(stored).not.toContain(key.toString('base64'));
		expect(stored).not.toContain(key.toString('hex'));
		expect(Object.keys(rows[0]!).sort()).toEqual(['ciphertext', 'iv', 'keptOn', 'tokenHash']);
	});

	it('gives the answers back with the link, and nothing with a changed link', async () => {
		const { token } = await keepSelfScan(t.h.db, answers, '2026-11-30');
		expect(await openKeptSelfScan(t.h.db, token)).toEqual({ answers, keptOn: '2026-11-30' });
		const changed = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		expect(await openKeptSelfScan(t.h.db, changed)).toBeNull();
		expect(await openKeptSelfScan(t.h.db, 'not-a-token')).toBeNull();
	});

	it('deletes a kept scan so that its link opens nothing, and leaves other scans alone', async () => {
		const { token } = await keepSelfScan(t.h.db, answers, '2026-11-30');
		const { token: other } = await keepSelfScan(t.h.db, answers, '2026-11-30');
		expect(await deleteKeptSelfScan(t.h.db, token)).toBe(true);
		expect(await openKeptSelfScan(t.h.db, token)).toBeNull();
		expect(await deleteKeptSelfScan(t.h.db, token)).toBe(false);
		expect(await openKeptSelfScan(t.h.db, other)).not.toBeNull();
	});
});

describe("a firm's self-scan link", () => {
	const t = useFirmDatabase();

	it('keeps one link per firm and shows its use only in bands of k', async () => {
		const first = await firmSelfScanLink(t.h.db, t.firmId, 5);
		expect(first.used).toEqual({ kind: 'none' });
		expect((await firmSelfScanLink(t.h.db, t.firmId, 5)).token).toBe(first.token);
		for (let i = 0; i < 4; i++) await countSelfScanUse(t.h.db, first.token);
		expect((await firmSelfScanLink(t.h.db, t.firmId, 5)).used).toEqual({ kind: 'fewerThan', k: 5 });
		await countSelfScanUse(t.h.db, first.token);
		expect((await firmSelfScanLink(t.h.db, t.firmId, 5)).used).toEqual({ kind: 'between', low: 5, high: 9 });
	});

	it("counts only for the firm whose token came with the scan, and ignores unknown or malformed tokens", async () => {
		const [firmA, other] = [await makeFirm(t.h.db), await makeFirm(t.h.db)];
		const mine = await firmSelfScanLink(t.h.db, firmA.id, 3);
		const theirs = await firmSelfScanLink(t.h.db, other.id, 3);
		await countSelfScanUse(t.h.db, theirs.token);
		await countSelfScanUse(t.h.db, 'AAAAAAAAAAAAAAAA');
		await countSelfScanUse(t.h.db, "x' or 1=1 --");
		await countSelfScanUse(t.h.db, null);
		const uses = async (token: string) => (await t.h.db.select({ uses: linkTable.uses }).from(linkTable).where(eq(linkTable.token, token)))[0]!.uses;
		expect(await uses(mine.token)).toBe(0);
		expect(await uses(theirs.token)).toBe(1);
		const [total] = await t.h.db.select({ uses: sql<number>`sum(${linkTable.uses})::int` }).from(linkTable);
		expect(total!.uses).toBe(1 + 5); // the five of the test before, on the file's own firm
	});
});

describe('the result and its PDF', () => {
	const t = useFirmDatabase();

	it('puts strengths first and gives up to three suggestions with the choices behind them', async () => {
		const result = await selfScanResult(t.h.db, selfScanQuestionnaire(), answers, 'nl');
		expect(result.overview.map((p) => p.part)).toEqual(['strengths', 'wishes', 'obstacles']);
		expect(result.suggestions.length).toBeGreaterThan(0);
		expect(result.suggestions.length).toBeLessThanOrEqual(3);
		// Each suggestion says which of the worker's own choices it fits ("Van een ervaren collega", "Geen tijd"…),
		// whatever entries the starter set holds.
		const chosen = selfScanQuestionnaire()
			.questions.flatMap((q) => (q.kind === 'choice' ? q.options.map((o) => ({ key: `${q.id}.${o.id}`, text: o.text.nl })) : []))
			.filter((o) => ['learnWays.fromColleague', 'inTheWay.noTime'].includes(o.key))
			.map((o) => o.text);
		expect(chosen).toHaveLength(2);
		for (const suggestion of result.suggestions) {
			expect(suggestion.because.length).toBeGreaterThan(0);
			expect(suggestion.because.every((text) => chosen.includes(text))).toBe(true);
		}
	});

	it('prints the worker’s own words, strengths before obstacles, in the chosen language', async () => {
		const result = await selfScanResult(t.h.db, selfScanQuestionnaire(), answers, 'en');
		const text = await pdfPlainText(selfScanPdf(result, 'en', '2026-11-30').pdf);
		expect(text).toContain('My self-scan');
		expect(text).toContain('Made on 30 November 2026.');
		expect(text).toContain('Mijn lasnaad zonder fouten');
		expect(text).toContain('No time, the work comes first');
		expect(text.indexOf('What goes well')).toBeLessThan(text.indexOf('What gets in the way'));
	});
});
