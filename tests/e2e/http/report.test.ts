// The report of a round over HTTP: the page, the PDF and the JSON, who may read them, and how versions
// are published as answers come in. Answers arrive through the CSV import, as an owner would bring them.
import { beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema } from '../../../src/lib/domain/report';
import { pdfPlainText } from '../../helpers/pdf-text';
import { inviteAndAccept, uniqueEmail } from '../support/http-client';
import { ReportSession } from '../support/report-seed';

let owner: ReportSession, otherOwner: ReportSession, stranger: ReportSession, adviser: ReportSession, anonymous: ReportSession;
let firm: string, otherFirm: string, roundId: string, otherRoundId: string;
const base = () => `/firms/${firm}/rounds/${roundId}/report`;

beforeAll(async () => {
	owner = await ReportSession.signUp('Rita Rapport', uniqueEmail('rita'));
	otherOwner = await ReportSession.signUp('Otto Ander', uniqueEmail('otto'));
	stranger = await ReportSession.signUp('Vera Vreemd', uniqueEmail('vera'));
	const adviserEmail = uniqueEmail('adviseur');
	adviser = await ReportSession.signUp('Ada Adviseur', adviserEmail);
	anonymous = new ReportSession();
	firm = await owner.createFirm('Smederij Rita & Co');
	otherFirm = await otherOwner.createFirm('Garage Otto');
	await inviteAndAccept(owner, firm, adviser, adviserEmail, 'coach');
	roundId = await owner.importAnswers(firm, 'Voorjaar', 6, { owners: 1, seed: 1 });
	otherRoundId = await otherOwner.importAnswers(otherFirm, 'Najaar', 8, { seed: 2 });
});

describe('the report of a round', () => {
	it('gives the JSON with the documented fields, null where a figure cannot be computed, never NaN', async () => {
		const res = await owner.get(`${base()}/report.json`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('application/json');
		expect(res.headers.get('x-leerkompas-report-version')).toBe('1');
		const text = await res.text();
		expect(text).not.toMatch(/NaN|Infinity/);
		const report = servedReportSchema.parse(JSON.parse(text));
		expect(report.threshold).toBe(5);
		expect(report.respondents).toEqual({ employee: 6, owner: 1 });
		expect(report.employeeFigures).toBe(true);
		const werk = report.aspects.find((a) => a.id === 'werk')!;
		expect(Object.keys(werk.employee).sort()).toEqual(['alpha', 'ci95', 'favourable', 'mean', 'n', 'sd']);
		expect(werk.employee.ci95).toHaveLength(2);
		// alpha needs 10 employees who answered every statement; 6 is too few, so null rather than a made-up number
		expect(werk.employee.alpha).toBeNull();
		expect(werk.gap).toBeCloseTo(werk.owner.mean! - werk.employee.mean!, 10);
		const item = report.items.find((i) => i.id === 'werk_1')!;
		expect(Object.keys(item.employee.distribution ?? {}).sort()).toEqual(['1', '2', '3', '4', '5', '9']);
		expect(report.breakdowns.map((b) => b.variable)).toEqual(['age', 'work_type', 'tenure', 'team']);
		for (const group of report.breakdowns.flatMap((b) => b.groups)) {
			if (group.suppressed) expect([group.n, group.aspects]).toEqual([null, null]);
			else expect(group.n).toBeGreaterThanOrEqual(5);
		}
	});

	it('keeps the published version until at least k new answers are in', async () => {
		const page = await (await owner.get(base())).text();
		expect(page).toContain('Versie 1, gemaakt op');
		expect(page).toContain('Een nieuwe versie komt pas als er minstens 5 nieuwe antwoorden zijn.');
		await owner.importAnswers(firm, 'Voorjaar', 3, { seed: 3 });
		const same = await owner.get(`${base()}/report.json`);
		expect(same.headers.get('x-leerkompas-report-version')).toBe('1');
		// no count of answers still needed: it would move with one person
		expect(same.headers.get('x-leerkompas-responses-still-needed')).toBeNull();
		expect(servedReportSchema.parse(await same.json()).respondents.employee).toBe(6);
		await owner.importAnswers(firm, 'Voorjaar', 2, { seed: 4 });
		const next = await owner.get(`${base()}/report.json`);
		expect(next.headers.get('x-leerkompas-report-version')).toBe('2');
		expect(servedReportSchema.parse(await next.json()).respondents.employee).toBe(11);
	});

	it('shows no employee figures before k have answered', async () => {
		const small = await owner.importAnswers(firm, 'Klein', 3, { owners: 1, seed: 5 });
		const report = servedReportSchema.parse(await (await owner.get(`/firms/${firm}/rounds/${small}/report/report.json`)).json());
		expect(report.employeeFigures).toBe(false);
		expect(report.respondents.employee).toBe(0);
		expect(report.aspects.every((a) => a.employee.mean === null && a.employee.n === null)).toBe(true);
		expect(report.breakdowns).toEqual([]);
		const page = await (await owner.get(`/firms/${firm}/rounds/${small}/report`)).text();
		expect(page).toContain('Nog geen cijfers van uw medewerkers');
		expect(page).not.toMatch(/antwoorden? nodig voor een nieuwe versie/);
	});

	it('gives a PDF with the firm and the aspects in its text', async () => {
		const res = await owner.get(`${base()}/report.pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const text = await pdfPlainText(new Uint8Array(await res.arrayBuffer()));
		expect(text).toContain('Smederij Rita & Co: Voorjaar');
		expect(text).toContain('Leiding die helpt groeien');
	});

	it('lets an adviser with consent read it', async () => {
		for (const path of [base(), `${base()}/report.pdf`, `${base()}/report.json`]) expect((await adviser.get(path)).status).toBe(200);
	});

	it('answers 404 to another firm\u2019s owner and to a stranger, for the page, the PDF and the JSON', async () => {
		for (const who of [otherOwner, stranger]) {
			for (const path of [base(), `${base()}/report.pdf`, `${base()}/report.json`]) expect((await who.get(path)).status, path).toBe(404);
		}
		// a round of one firm cannot be reached under another firm's address, nor with a malformed id
		expect((await otherOwner.get(`/firms/${otherFirm}/rounds/${roundId}/report/report.json`)).status).toBe(404);
		expect((await owner.get(`/firms/${firm}/rounds/${otherRoundId}/report/report.json`)).status).toBe(404);
		expect((await owner.get(`/firms/${firm}/rounds/niet-een-id/report`)).status).toBe(404);
	});

	it('sends someone who is not signed in to the login page', async () => {
		for (const path of [base(), `${base()}/report.pdf`, `${base()}/report.json`]) {
			const res = await anonymous.get(path);
			expect(res.status).toBe(303);
			expect(res.headers.get('location')).toContain('/login?returnTo=');
		}
	});
});
