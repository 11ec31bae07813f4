import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { databaseKind, openTestDatabase } from '../../../../tests/helpers/database';
import { makeFirm } from '../../../../tests/helpers/factories';
import { roundWithAnswers } from '../../../../tests/helpers/export-fixtures';
import type { DatabaseHandle } from '../db/client';
import { reportVersion, roundRetention, scanResponse, surveyDraft } from '../db/schema';
import { latestStoredReport } from '../export/export-round';
import { roundReport } from '../report/publish/round-report';
import { retentionCutoff, runRetention } from './retention';
import { startRetentionSchedule } from './retention-schedule';

const today = '2026-03-10';
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h?.close();
});

describe('retentionCutoff', () => {
	it('goes back whole months, keeping the day where the month has it', () => {
		expect(retentionCutoff('2026-03-10', 36)).toBe('2023-03-10');
		expect(retentionCutoff('2026-03-10', 14)).toBe('2025-01-10');
		expect(retentionCutoff('2026-05-31', 3)).toBe('2026-02-28');
		expect(retentionCutoff('2024-03-31', 1)).toBe('2024-02-29');
		expect(retentionCutoff('2026-01-01', 1)).toBe('2025-12-01');
	});
});

describe(`removing old answers (${databaseKind})`, () => {
	it('removes answers of closed rounds older than the limit and keeps the report figures', async () => {
		const f = await makeFirm(h.db);
		const old = await roundWithAnswers(h.db, f.id, { employees: 7, seed: 21, opensOn: '2022-01-03', closesOn: '2022-01-31', submittedOn: '2022-01-14' });
		const oldFew = await roundWithAnswers(h.db, f.id, { employees: 3, seed: 22, opensOn: '2022-06-01', closesOn: '2022-06-30', submittedOn: '2022-06-10', status: 'closed' });
		const stillOpen = await roundWithAnswers(h.db, f.id, { employees: 5, seed: 23, opensOn: '2022-01-03', closesOn: '2026-12-31', submittedOn: '2022-02-01' });
		const recent = await roundWithAnswers(h.db, f.id, { employees: 5, seed: 24, opensOn: '2025-09-01', closesOn: '2025-09-30', submittedOn: '2025-09-10' });
		await h.db.insert(surveyDraft).values({ keyHash: 'draft-of-old-round', roundId: old.round.id, data: { answers: { werk_1: 3 } }, updatedOn: '2022-01-20' });
		// The owner looked at the report while the round ran; that version is what retention must keep.
		const shown = (await roundReport(h.db, f.name, old.round, { today, locale: 'nl' })).report;
		expect(shown.respondents.employee).toBe(7);

		const result = await runRetention(h.db, { today, months: 36 });
		expect(result).toEqual({ cutoff: '2023-03-10', rounds: 2, responses: 7 + 1 + 3 + 1 });

		const left = async (roundId: string) => h.db.$count(scanResponse, eq(scanResponse.roundId, roundId));
		expect(await left(old.round.id)).toBe(0);
		expect(await left(oldFew.round.id)).toBe(0);
		expect(await left(stillOpen.round.id)).toBe(6);
		expect(await left(recent.round.id)).toBe(6);
		expect(await h.db.$count(surveyDraft, eq(surveyDraft.roundId, old.round.id))).toBe(0);

		expect(await latestStoredReport(h.db, old.round.id, 'nl')).toEqual(shown);
		// Whatever a later reader of the report does with the empty response table, the figures stay.
		await roundReport(h.db, f.name, old.round, { today, locale: 'nl' });
		expect(await latestStoredReport(h.db, old.round.id, 'nl')).toEqual(shown);
		expect(await latestStoredReport(h.db, old.round.id, 'en')).toMatchObject({ locale: 'en', respondents: { employee: 7 } });
		expect(await h.db.$count(reportVersion, eq(reportVersion.roundId, oldFew.round.id))).toBe(0);
		const marks = await h.db.select().from(roundRetention).orderBy(roundRetention.responsesRemoved);
		expect(marks.map((m) => [m.roundId, m.removedOn, m.responsesRemoved])).toEqual([
			[oldFew.round.id, today, 4],
			[old.round.id, today, 8]
		]);

		expect(await runRetention(h.db, { today, months: 36 })).toEqual({ cutoff: '2023-03-10', rounds: 0, responses: 0 });
	});

	it('publishes what the rules allow before removing, for a round nobody looked at', async () => {
		const f = await makeFirm(h.db);
		const { round } = await roundWithAnswers(h.db, f.id, { employees: 6, seed: 25, opensOn: '2021-03-01', closesOn: '2021-03-31', submittedOn: '2021-03-05' });
		expect(await h.db.$count(reportVersion, eq(reportVersion.roundId, round.id))).toBe(0);
		await runRetention(h.db, { today, months: 36 });
		const kept = await latestStoredReport(h.db, round.id, 'nl');
		expect(kept?.respondents.employee).toBe(6);
		expect(kept?.aspects.every((a) => a.employee.mean !== null)).toBe(true);
		expect(await h.db.$count(scanResponse, eq(scanResponse.roundId, round.id))).toBe(0);
	});

	it('runs at start from the schedule and logs what it removed', async () => {
		const f = await makeFirm(h.db);
		const { round } = await roundWithAnswers(h.db, f.id, { employees: 5, seed: 26, opensOn: '2020-03-01', closesOn: '2020-03-31', submittedOn: '2020-03-05' });
		const lines: string[] = [];
		const schedule = startRetentionSchedule(h.db, 36, { today: () => today, log: (line) => lines.push(line) });
		const result = await schedule.firstRun;
		schedule.stop();
		expect(result?.responses).toBe(6);
		expect(await h.db.$count(scanResponse, eq(scanResponse.roundId, round.id))).toBe(0);
		expect(lines).toEqual(['Retention: removed 6 answers submitted before 2023-03-10 from 1 closed rounds; their report figures stay.']);
	});
});
