// Attack: the owner watches the round page (or the firm page, the report page, the JSON and its headers, the
// firm's data archive),
// sees the count move when one real colleague answered, then pads and subtracts versions. While a round is
// open, nothing the firm's people see may change with one response: only whether k was reached, and the
// number in the latest published version.
import { beforeAll, describe, expect, it } from 'vitest';
import { HttpSession } from '../e2e/support/http-client';
import { answerLink, OwnerSession, page, statementAnswers, uniqueEmail } from './padding-support';

let owner: OwnerSession, firm: string, round: { id: string; token: string };
let answered = 0;

async function oneMore() {
	const res = await answerLink(new HttpSession(), round.token, statementAnswers(100 + answered));
	expect(res.headers.get('location')).toBe(`/s/${round.token}/thanks`);
	answered++;
}

/** Everything the firm's people can read about the round, as they would read it. */
async function whatTheFirmSees() {
	const base = `/firms/${firm}/rounds/${round.id}`;
	const json = await owner.get(`${base}/report/report.json`);
	const headers = [...json.headers].filter(([name]) => name !== 'date');
	return {
		firmPage: await page(await owner.get(`/firms/${firm}`)),
		roundPage: await page(await owner.get(base)),
		reportPage: await page(await owner.get(`${base}/report`)),
		json: await json.text(),
		headers,
		// The owner's download of everything stored (its date is today's on both reads).
		archive: await (await owner.get(`/firms/${firm}/data/archive`)).text()
	};
}

beforeAll(async () => {
	owner = await OwnerSession.signUp('Wim Wachter', uniqueEmail('wim'));
	firm = await owner.createFirm('Drukkerij Wachter', 20);
	round = await owner.startLinkRound(firm, 'Live tellen');
});

describe('watching one response arrive', () => {
	it('shows nothing that changes between the first and the second response', async () => {
		await oneMore();
		const before = await whatTheFirmSees();
		await oneMore();
		const after = await whatTheFirmSees();
		expect(after.headers).toEqual(before.headers);
		expect(after.json).toBe(before.json);
		expect(after.firmPage).toBe(before.firmPage);
		expect(after.roundPage).toBe(before.roundPage);
		expect(after.reportPage).toBe(before.reportPage);
		expect(after.archive).toBe(before.archive);
		expect(after.roundPage).toContain('Nog geen rapport: nog niet genoeg antwoorden');
	});

	it('shows nothing that changes between one published version and the next response', async () => {
		while (answered < 5) await oneMore();
		const published = await whatTheFirmSees();
		expect(published.roundPage).toContain('5 antwoorden in de laatste versie van het rapport');
		await oneMore();
		const after = await whatTheFirmSees();
		expect(after.headers).toEqual(published.headers);
		expect(after.json).toBe(published.json);
		expect(after.firmPage).toBe(published.firmPage);
		expect(after.roundPage).toBe(published.roundPage);
		expect(after.reportPage).toBe(published.reportPage);
		expect(after.archive).toBe(published.archive);
	});

	it('sends no header that counts responses', async () => {
		const res = await owner.get(`/firms/${firm}/rounds/${round.id}/report/report.json`);
		expect([...res.headers.keys()].filter((name) => name.startsWith('x-leerkompas-') && name !== 'x-leerkompas-report-version')).toEqual([]);
	});
});
