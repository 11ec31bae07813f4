// A round that asks the team about finished actions, from its start to its report, on a real database
// (PGlite, and PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../db/client';
import { firmAction, scanResponse } from '../../db/schema';
import { databaseKind, openTestDatabase } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import { followupVariable } from '../../../domain/followup/followup';
import { offeredFollowupActions } from './followup-offer';
import { publishRoundReport } from '../../report/publish/publish-report';
import { findReportRound } from '../../report/publish/report-round';
import { respondentData } from '../../export/export-round';
import { findRoundByLinkToken } from '../survey/find-round';
import { newKey } from '../survey/keys';
import { saveStep } from '../survey/save-step';
import { FOLLOWUP_STEP, findStep, surveySteps } from '../survey/steps';
import { submitAllAnswers } from '../survey/submit-all-answers';
import { loadInstrument } from '../../../domain/instrument';
import { createRound } from './create-round';

const today = new Date().toISOString().slice(0, 10);
let h: DatabaseHandle;
let firm: { id: string; employees: number };
let other: { id: string; employees: number };
const ids: Record<'done' | 'busy' | 'otherFirm' | 'done2', string> = { done: '', busy: '', otherFirm: '', done2: '' };

async function action(firmId: string, title: string, status: 'klaar' | 'bezig'): Promise<string> {
	const [row] = await h.db.insert(firmAction).values({ firmId, title, status, doneOn: status === 'klaar' ? today : null }).returning({ id: firmAction.id });
	return row!.id;
}

beforeAll(async () => {
	h = await openTestDatabase();
	firm = await makeFirm(h.db, { employees: 20 });
	other = await makeFirm(h.db, { employees: 20 });
	ids.done = await action(firm.id, 'Meester-gezel <b>in</b> de werkplaats', 'klaar');
	ids.busy = await action(firm.id, 'Leerambassadeur', 'bezig');
	ids.done2 = await action(firm.id, 'Inwerkprogramma', 'klaar');
	ids.otherFirm = await action(other.id, 'Iets van een ander', 'klaar');
});
afterAll(async () => {
	await h?.close();
});

const start = (name: string, followups: string[], which = firm) =>
	createRound(h.db, { firm: which, threshold: 5, today, input: { name: `${name} ${databaseKind}`, followups } });

describe(`a round with a question about a finished action (${databaseKind})`, () => {
	it('offers only the firm\u2019s own finished actions, and refuses any other', async () => {
		expect((await offeredFollowupActions(h.db, firm.id)).map((a) => a.id)).toEqual([ids.done, ids.done2]);
		expect(await start('Fout 1', [ids.busy])).toEqual({ ok: false, errors: { followups: 'invalid' } });
		expect(await start('Fout 2', [ids.otherFirm])).toEqual({ ok: false, errors: { followups: 'invalid' } });
		expect(await start('Fout 3', ['geen-id'])).toMatchObject({ ok: false, errors: { followups: 'invalid' } });
	});

	it('keeps the title as asked, asks each action in one round only, and stores and reports the answers', async () => {
		const created = await start('Najaar', [ids.done]);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		// Renamed afterwards: the round keeps what the team was asked.
		await h.db.update(firmAction).set({ title: 'Iets anders' }).where(eq(firmAction.id, ids.done));
		expect(created.round.followups).toEqual([{ actionId: ids.done, title: 'Meester-gezel <b>in</b> de werkplaats' }]);
		expect((await offeredFollowupActions(h.db, firm.id)).map((a) => a.id)).toEqual([ids.done2]);
		expect(await start('Nog eens', [ids.done])).toEqual({ ok: false, errors: { followups: 'invalid' } });

		const round = (await findRoundByLinkToken(h.db, created.round.linkToken))!;
		const variable = followupVariable(ids.done);
		expect(round.followups).toEqual(created.round.followups);
		const steps = surveySteps(loadInstrument(round.instrumentVersion), round.teams, [variable]);
		// Right after the six aspects.
		expect(steps[6]).toEqual({ id: FOLLOWUP_STEP, kind: 'followup', fields: [variable] });

		// Screen by screen: the question's screen takes its answer and nothing else.
		const step = findStep(steps, FOLLOWUP_STEP)!;
		expect(await saveStep(h.db, { round, step, draftKey: null, posted: { [variable]: '4' }, today })).toMatchObject({ ok: true });
		expect(await saveStep(h.db, { round, step, draftKey: null, posted: { [variable]: '7' }, today })).toMatchObject({ ok: false, reason: 'invalid' });

		const send = (answers: Record<string, string>) => submitAllAnswers(h.db, { round, posted: answers, submissionKey: newKey(), cardCode: null, draftKey: null, today });
		expect(await send({ werk_1: '4', [followupVariable(ids.done2)]: '4' })).toMatchObject({ kind: 'invalid', issues: [{ field: null, code: 'not_on_screen' }] });
		for (const answer of ['5', '4', '4', '2']) expect(await send({ werk_1: '4', [variable]: answer })).toEqual({ kind: 'stored' });
		expect(await send({ werk_1: '3', [variable]: '9' })).toEqual({ kind: 'stored' });
		const stored = await h.db.select({ answers: scanResponse.answers }).from(scanResponse).where(eq(scanResponse.roundId, round.id));
		expect(stored.map((r) => r.answers[variable]).sort()).toEqual([2, 4, 4, 5, 9]);

		// Five employees, four opinions: the report is there, the question\u2019s figures are not.
		const reportRound = (await findReportRound(h.db, firm.id, round.id))!;
		let state = await publishRoundReport(h.db, reportRound, today);
		expect(state.latest!.reports.nl.followups).toEqual([
			{ id: variable, actionId: ids.done, title: 'Meester-gezel <b>in</b> de werkplaats', employee: { n: null, mean: null, sd: null, favourable: null, distribution: null } }
		]);

		// Five more, each with an opinion: nine now, from the next version on.
		for (const answer of ['5', '5', '3', '4', '1']) expect(await send({ werk_1: '4', [variable]: answer })).toEqual({ kind: 'stored' });
		state = await publishRoundReport(h.db, reportRound, today);
		expect(state.latest!.version).toBe(2);
		expect(state.latest!.reports.en.followups[0]!.employee).toMatchObject({ n: 9, favourable: 6 / 9, distribution: { '1': 1, '2': 1, '3': 1, '4': 3, '5': 3, '9': 1 } });
		expect(state.latest!.reports.nl.followups[0]!.employee.mean).toBeCloseTo(33 / 9, 9);

		// The respondent export has the question as a column of its own.
		const data = await respondentData(h.db, { round: reportRound, locale: 'nl', today });
		if (!data.ok) throw new Error(data.reason);
		const column = data.table.variables.findIndex((v) => v.name === variable);
		expect(data.table.variables[column]!.label).toContain('Meester-gezel <b>in</b> de werkplaats');
		expect(data.table.rows.map((row) => row[column]).sort()).toEqual([1, 2, 3, 4, 4, 4, 5, 5, 5, 9]);
	});
});
