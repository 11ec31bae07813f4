// An open answer full of markup, stored for a round whose respondents were told their words are shown:
// the report built from the database shows it as typed in the JSON, the web page and the stand-alone
// HTML (escaped, no element made of it) and the PDF (printed as text, not run as Typst).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { FORMULA_MARKUP_OPEN_ANSWER, MARKUP_OPEN_ANSWER, insertResponses, instrument } from '../../../../tests/helpers/export-fixtures';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { dayFromToday, makeRound } from '../../../../tests/helpers/scan-factories';
import type { DatabaseHandle } from '../db/client';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import { renderReportPdf } from './pdf/render-report-pdf';
import { buildDocument } from './build-document';
import { escapeHtml } from './web/html';
import { renderReportDocument, renderReportFragment } from './web/render-html';
import { findReportRound } from './publish/report-round';
import { roundReport, type RoundReport } from './publish/round-report';
import { sampleResponses } from './sample-responses';

let h: DatabaseHandle;
let view: RoundReport;

beforeAll(async () => {
	h = await openTestDatabase();
	const owner = await makeUser(h.db);
	const firm = await makeFirm(h.db, { ownerId: owner.id, name: 'Drukkerij <i>Letter</i> & Zn' });
	const row = await makeRound(h.db, firm.id, { openAnswersVerbatim: true, teams: ['Drukkerij', 'Kantoor'] });
	// Every employee writes both open answers, so both questions pass the threshold and are shown.
	const employees = sampleResponses(instrument, 6, 'employee', { seed: 61, teams: ['Drukkerij', 'Kantoor'] }).map((r, i) => ({
		...r,
		open: { open_strength: MARKUP_OPEN_ANSWER, open_improve: i % 2 === 0 ? FORMULA_MARKUP_OPEN_ANSWER : `Meer tijd ${i}` }
	}));
	await insertResponses(h.db, row.id, employees, dayFromToday(0));
	const round = await findReportRound(h.db, firm.id, row.id);
	if (!round) throw new Error('round not found');
	view = await roundReport(h.db, firm.name, round, { today: dayFromToday(0), locale: 'nl' });
});
afterAll(async () => {
	await h?.close();
});

/** The text of every item of the open answers' lists, entities decoded, as a browser would show it. */
function openAnswerItems(markup: string): string[] {
	const lists = [...markup.matchAll(/<ul class="lk-open-answers">([\s\S]*?)<\/ul>/g)].map((m) => m[1]!);
	const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
	return lists.flatMap((list) => [...list.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => decode(m[1]!)));
}

describe(`an open answer with markup in the report (${databaseKind})`, () => {
	it('is in the report\u2019s JSON exactly as typed', () => {
		const strength = view.report.open.questions.find((q) => q.id === 'open_strength');
		expect(strength?.answers).toEqual(Array(6).fill(MARKUP_OPEN_ANSWER));
		expect(view.report.open.questions.find((q) => q.id === 'open_improve')?.answers).toContain(FORMULA_MARKUP_OPEN_ANSWER);
	});

	it('is escaped on the web page and in the stand-alone HTML: the text as typed, no element made of it', () => {
		const doc = buildDocument(view, 'nl');
		for (const markup of [renderReportFragment(doc).value, renderReportDocument(doc)]) {
			expect(markup).toContain(`<li>${escapeHtml(MARKUP_OPEN_ANSWER)}</li>`);
			expect(openAnswerItems(markup)).toEqual(expect.arrayContaining([MARKUP_OPEN_ANSWER, FORMULA_MARKUP_OPEN_ANSWER]));
			expect(markup).not.toMatch(/<script|<b>|<i>/i);
			expect(markup).toContain('Drukkerij &lt;i&gt;Letter&lt;/i&gt; &amp; Zn');
		}
	});

	it('is printed in the PDF as typed, and Typst runs none of it (the pages stay A4)', async () => {
		const pdf = renderReportPdf(buildDocument(view, 'nl'));
		const text = await pdfPlainText(pdf);
		expect(text).toContain(MARKUP_OPEN_ANSWER);
		expect(text).toContain(FORMULA_MARKUP_OPEN_ANSWER);
		expect(text).toContain('Drukkerij <i>Letter</i> & Zn');
		// `#set page(width: 1pt)` run as Typst would make every page one point wide.
		const boxes = [...Buffer.from(pdf).toString('latin1').matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
		expect(boxes.length).toBeGreaterThan(1);
		for (const box of boxes) {
			expect(Number(box[1])).toBeCloseTo(595.28, 0);
			expect(Number(box[2])).toBeCloseTo(841.89, 0);
		}
	});
});
