// An open answer full of markup, typed into the survey by five respondents of a round that promised to
// show open answers word for word, reaches the owner exactly as typed: escaped on the report page (no
// element made of it), as text in the PDF (which Typst still builds), and unchanged in the JSON.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { servedReportSchema } from '../../../src/lib/domain/report';
import { pdfPlainText } from '../../helpers/pdf-text';
import { escapeHtml } from '../../../src/lib/server/report/web/html';
import { MARKUP_OPEN_ANSWER } from '../../helpers/export-fixtures';
import { Respondent, ownerWithRounds, type Browser } from '../../faults/support';

const baseUrl = inject('baseUrl');
let owner: Browser;
let report: string;

beforeAll(async () => {
	const made = await ownerWithRounds(baseUrl, 1, 'opmaak', inject('dataDir'));
	owner = made.owner;
	const round = made.rounds[0]!;
	report = `/firms/${made.slug}/rounds/${round.id}/report`;
	for (let i = 0; i < 5; i++) {
		const respondent = new Respondent(baseUrl, round.survey, MARKUP_OPEN_ANSWER, i);
		await respondent.run();
		expect(respondent.state, `respondent ${i} answered ${respondent.lastStatus}`).toBe('thanked');
	}
});

describe('an open answer with markup, sent through the survey', () => {
	it('is on the report page as text: escaped, and no element is made of it', async () => {
		const res = await owner.get(report);
		expect(res.status).toBe(200);
		const page = await res.text();
		expect(page).toContain(`<li>${escapeHtml(MARKUP_OPEN_ANSWER)}</li>`);
		expect(page).not.toContain('<script>alert(1)');
		expect(page).not.toMatch(/<b>vet/);
	});

	it('is printed in the PDF as typed', async () => {
		const res = await owner.get(`${report}/report.pdf`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(await pdfPlainText(new Uint8Array(await res.arrayBuffer()))).toContain(MARKUP_OPEN_ANSWER);
	});

	it('is in the JSON unchanged', async () => {
		const res = await owner.get(`${report}/report.json`);
		expect(res.status).toBe(200);
		const parsed = servedReportSchema.parse(await res.json());
		expect(parsed.open.questions.find((q) => q.id === 'open_strength')?.answers).toEqual(Array(5).fill(MARKUP_OPEN_ANSWER));
	});
});
