// Attack: a script posts the open link many times at once from one address, so that made-up answers
// outnumber the real ones ("40 van de 20 uitgenodigd"). The link takes at most 50 complete responses per
// address per hour (LEERKOMPAS_RESPONSES_PER_ADDRESS_PER_HOUR) and answers the rest with a page that points to
// cards; what it did take is flagged once a version is published, on the round page and in the report.
import { beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema } from '../../src/lib/domain/report';
import { HttpSession } from '../e2e/support/http-client';
import { OwnerSession, page, statementAnswers, uniqueEmail } from './padding-support';

let owner: OwnerSession, firm: string, round: { id: string; token: string };
let statuses: number[] = [];
let refusedPage = '';

beforeAll(async () => {
	owner = await OwnerSession.signUp('Flip Vloed', uniqueEmail('flip'));
	firm = await owner.createFirm('Schildersbedrijf Vloed', 20);
	round = await owner.startLinkRound(firm, 'Vloed', 20);
	// Each post with a submission key of its own, as sixty browsers behind one address would send them.
	const sessions = Array.from({ length: 60 }, () => new HttpSession());
	const keys = await Promise.all(
		sessions.map(async (s) => (await page(await s.get(`/s/${round.token}/all`))).match(/name="submissionKey" value="([A-Za-z0-9_-]{43})"/)![1]!)
	);
	const sent = await Promise.all(sessions.map((s, i) => s.post(`/s/${round.token}/all`, { ...statementAnswers(i % 3), submissionKey: keys[i]! })));
	statuses = sent.map((r) => r.status);
	const refused = sent.find((r) => r.status === 429);
	refusedPage = refused ? await page(refused) : '';
});

describe('a flood of posts on one link from one address', () => {
	it('is not all stored: past 50 an hour the link refuses with a page that points to cards', () => {
		expect(statuses.filter((s) => s === 303)).toHaveLength(50);
		expect(statuses.filter((s) => s === 429)).toHaveLength(10);
		expect(refusedPage).toContain('kaartjes');
	});

	it('is flagged in the published report and on the round page, and the response rate stays at most 100%', async () => {
		const base = `/firms/${firm}/rounds/${round.id}`;
		const report = servedReportSchema.parse(await (await owner.get(`${base}/report/report.json`)).json());
		expect(report.respondents.employee).toBe(50);
		expect(report.responseRate.rate).toBe(1);
		expect(report.signals).not.toBeNull();
		expect(report.signals!.burst).toBe(40);
		expect(report.signals!.moreThanInvited).toBe(30);
		expect(report.signals!.moreThanEmployees).toBe(30);
		expect(report.signals!.identical).toBe(47);
		const roundPage = await page(await owner.get(base));
		expect(roundPage).toContain('kwamen kort na elkaar van één adres');
		// a rate above 100% is never shown: more answers than invited is a signal instead
		expect(roundPage).not.toMatch(/\b(10[1-9]|1[1-9]\d|[2-9]\d\d)%/);
		expect(await page(await owner.get(`${base}/report`))).toContain('kwamen kort na elkaar van één adres');
	});
});
