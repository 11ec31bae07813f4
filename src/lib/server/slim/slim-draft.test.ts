import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm, makeUser } from '../../../../tests/helpers/factories';
import { closeSeededRound, seedResponses, seedRound } from '../../../../tests/helpers/report-seed';
import { pdfPlainText } from '../../../../tests/helpers/pdf-text';
import type { DatabaseHandle } from '../db/client';
import { firmAction } from '../db/schema';
import { roundReport } from '../report/publish/round-report';
import { renderSlimPdf } from './render-slim-pdf';
import { SLIM_APPLY_URL, slimDocument, slimMarkdown } from './slim-document';
import { slimDraftOfRound } from './slim-draft';

let h: DatabaseHandle;
beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

const today = '2026-04-15';

async function firmWithReport(employees: number) {
	const owner = await makeUser(h.db);
	const firm = await makeFirm(h.db, { ownerId: owner.id, name: 'Installatiebedrijf Noorderlicht' });
	let round = await seedRound(h.db, firm.id, { name: 'Voorjaar 2026' });
	await seedResponses(h.db, round, employees);
	await seedResponses(h.db, round, 1, 'owner');
	round = await closeSeededRound(h.db, round);
	return { owner, firm, round };
}

describe(`the SLIM draft (${databaseKind})`, () => {
	it('fills its sections from the published report and the round’s action plan', async () => {
		const { owner, firm, round } = await firmWithReport(12);
		const other = await seedRound(h.db, firm.id, { name: 'Najaar 2025' });
		await h.db.insert(firmAction).values([
			{ firmId: firm.id, roundId: round.id, title: 'Meester-gezel koppels maken', why: 'Nieuwe collega’s leren sneller', aspectId: 'samen', entrySlug: 'meester-gezel', origin: 'kennisbank', assigneeName: 'Werkplaatschef', startsOn: '2026-05-01', dueOn: '2026-09-30', status: 'bezig', createdBy: owner.id },
			{ firmId: firm.id, roundId: round.id, title: 'Fouten bespreken op vrijdag', why: '', aspectId: 'ruimte', origin: 'free', dueOn: '2026-06-30', createdBy: owner.id },
			{ firmId: firm.id, roundId: round.id, title: 'Gestopt idee', status: 'gestopt', createdBy: owner.id },
			{ firmId: firm.id, roundId: other.id, title: 'Actie van een andere ronde', createdBy: owner.id }
		]);
		const result = await slimDraftOfRound(h.db, firm, round, today);
		expect(result.ok).toBe(true);
		const draft = (result as Extract<typeof result, { ok: true }>).draft;
		const view = await roundReport(h.db, firm.name, round, { today, locale: 'nl' });

		expect(draft.firm).toMatchObject({ name: firm.name, sector: firm.sector, province: firm.province, employees: firm.employees });
		expect(draft.scan.employeeResponses).toBe(12);
		expect(draft.scan.version).toBe(view.version?.number);
		expect(draft.scan.aspects.map((a) => [a.id, a.employeeMean])).toEqual(view.report.aspects.map((a) => [a.id, a.employee.mean]));
		// The plan: this round's actions that are not stopped, by start.
		expect(draft.actions.map((a) => a.title)).toEqual(['Meester-gezel koppels maken', 'Fouten bespreken op vrijdag']);
		expect(draft.actions[0]).toMatchObject({ aspect: 'Samen leren in het team', entry: { slug: 'meester-gezel' }, who: 'Werkplaatschef', startsOn: '2026-05-01', dueOn: '2026-09-30' });
		expect(draft.entries.map((e) => e.slug)).toEqual(['meester-gezel']);

		const doc = slimDocument(draft);
		const text = slimMarkdown(doc);
		expect(text).toContain('CONCEPT');
		expect(text).toContain(SLIM_APPLY_URL);
		expect(text).toContain('officiële modellen');
		expect(text).toContain('Controleer de actuele regels');
		expect(text).toContain('EUR 5.000');
		expect(text).toContain('EUR 24.999');
		expect(text).toContain('Meester-gezel koppels maken');
		expect(text).toContain('Werkplaatschef');
		expect(text).not.toContain('Gestopt idee');
		expect(text).not.toContain('Actie van een andere ronde');
		const firstAspect = view.report.aspects[0]!;
		expect(text).toContain(`| ${firstAspect.label} | ${firstAspect.employee.mean!.toFixed(1).replace('.', ',')} |`);

		const pdf = await pdfPlainText(renderSlimPdf(doc).pdf);
		expect(pdf).toContain('CONCEPT');
		expect(pdf).toContain('Meester-gezel koppels maken');
		expect(pdf).toContain('uitvoeringvanbeleidszw.nl');
	});

	it('says what to do when no action is chosen yet, and PDF prints what a firm typed as plain text', async () => {
		const { owner, firm, round } = await firmWithReport(8);
		let result = await slimDraftOfRound(h.db, firm, round, today);
		expect(slimMarkdown(slimDocument((result as Extract<typeof result, { ok: true }>).draft))).toContain('Er zijn nog geen acties gekozen');
		await h.db.insert(firmAction).values({ firmId: firm.id, roundId: round.id, title: '#set page(width: 1cm) *vet* $x$', createdBy: owner.id });
		result = await slimDraftOfRound(h.db, firm, round, today);
		const pdf = await pdfPlainText(renderSlimPdf(slimDocument((result as Extract<typeof result, { ok: true }>).draft)).pdf);
		expect(pdf).toContain('#set page(width: 1cm) *vet* $x$');
	});

	it('is not made without a published report with employee figures', async () => {
		const { firm, round } = await firmWithReport(2);
		expect(await slimDraftOfRound(h.db, firm, round, today)).toEqual({ ok: false, reason: 'no-report' });
	});
});
