// Attack: after one real colleague answered a round that Leerkompas collects, the owner imports four rows
// they made up into that same round, so that version 1 holds five answers of which four are known. A round
// is collected or imported, never both: the import is refused, and an imported round says on every page,
// in the PDF and in the JSON that Leerkompas did not collect it.
import { beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema } from '../../src/lib/domain/report';
import { pdfPlainText } from '../helpers/pdf-text';
import { HttpSession } from '../e2e/support/http-client';
import { answersCsv } from '../e2e/support/report-seed';
import { answerLink, OwnerSession, page, statementAnswers, uniqueEmail } from './padding-support';

let owner: OwnerSession, firm: string, collected: { id: string; token: string };

async function upload(round: string, employees: number, seed: number): Promise<Response> {
	const form = new FormData();
	form.set('round', round);
	form.set('file', new Blob([answersCsv(employees, 0, seed)], { type: 'text/csv' }), 'antwoorden.csv');
	return owner.send(`/firms/${firm}/rounds/import`, { method: 'POST', body: form });
}

beforeAll(async () => {
	owner = await OwnerSession.signUp('Imke Import', uniqueEmail('imke'));
	firm = await owner.createFirm('Installatiebedrijf Import', 15);
	// The same teams as the file's rows, so that nothing but the round's origin can refuse the import.
	collected = await owner.startLinkRound(firm, 'Gemengd', 15, 'Werkplaats, Winkel');
	expect((await answerLink(new HttpSession(), collected.token, statementAnswers(1))).headers.get('location')).toBe(`/s/${collected.token}/thanks`);
});

describe('padding a collected round by import', () => {
	it('refuses the import with a plain message and stores none of its rows', async () => {
		const res = await upload('Gemengd', 4, 7);
		expect(res.status).toBe(409);
		expect(await page(res)).toContain('Leerkompas verzamelt de antwoorden van de ronde Gemengd zelf');
		const report = servedReportSchema.parse(await (await owner.get(`/firms/${firm}/rounds/${collected.id}/report/report.json`)).json());
		expect(report.employeeFigures).toBe(false);
		expect(report.respondents.employee).toBe(0);
	});

	it('refuses an import into a collected round before anybody answered too', async () => {
		await owner.startLinkRound(firm, 'Nog leeg', 15, 'Werkplaats, Winkel');
		expect((await upload('Nog leeg', 5, 8)).status).toBe(409);
	});
});

describe('an imported round', () => {
	let imported: string;
	beforeAll(async () => {
		imported = await owner.importAnswers(firm, 'Uit Excel', 6, { seed: 3 });
	});

	it('says on its round page, report page, PDF and JSON that Leerkompas did not collect it', async () => {
		const notice = 'Leerkompas heeft deze antwoorden niet zelf verzameld';
		const base = `/firms/${firm}/rounds/${imported}`;
		const roundPage = await page(await owner.get(base));
		expect(roundPage).toContain(notice);
		// No link or cards of its own, and no response rate: nobody was invited through Leerkompas.
		expect(roundPage).not.toContain('data-testid="survey-link"');
		expect(roundPage).not.toMatch(/\d+%/);
		expect(await page(await owner.get(`${base}/report`))).toContain(notice);
		expect(await pdfPlainText(new Uint8Array(await (await owner.get(`${base}/report/report.pdf`)).arrayBuffer()))).toContain('niet zelf verzameld');
		const report = servedReportSchema.parse(await (await owner.get(`${base}/report/report.json`)).json());
		expect(report.origin).toBe('imported');
		expect(report.responseRate.invited).toBeNull();
		expect(report.responseRate.rate).toBeNull();
	});

	it('still takes further imports', async () => {
		const res = await upload('Uit Excel', 2, 9);
		expect(res.status).toBe(200);
	});
});
