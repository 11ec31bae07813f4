import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { closeSeededRound, seedResponses, seedRound, type SeedRoundOptions } from '../../../../../tests/helpers/report-seed';
import { openTestDatabase, databaseKind } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import { welchChange } from '../../../domain/stats';
import type { Report } from '../../../domain/report';
import type { DatabaseHandle } from '../../db/client';
import { firmAction, roundRetention, scanResponse } from '../../db/schema';
import { publishRoundReport } from './publish-report';
import type { ReportRound } from './report-round';
import { roundReport } from './round-report';

const today = '2026-06-10';
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

/** A closed round with `employees` answers and its published version. */
async function closedRound(firmId: string, employees: number, options: SeedRoundOptions): Promise<ReportRound> {
	const round = await seedRound(h.db, firmId, options);
	await seedResponses(h.db, round, employees);
	const closed = await closeSeededRound(h.db, round);
	await publishRoundReport(h.db, closed, today);
	return closed;
}

const view = (round: ReportRound, compare?: { id: string } | { name: string }) => roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl', compare });

function figures(report: Report, id: string) {
	const e = report.aspects.find((a) => a.id === id)!.employee;
	return { n: e.n!, mean: e.mean!, sd: e.sd! };
}

describe(`change between rounds (${databaseKind})`, () => {
	it('compares with the previous round with figures, from both published versions, and lists the actions done in between', async () => {
		const firm = await makeFirm(h.db);
		const autumn = await closedRound(firm.id, 8, { name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
		// Between them, a round under k: it has no figures, so it is passed over.
		await closedRound(firm.id, 3, { name: 'Winter 2026', opensOn: '2026-01-05', closesOn: '2026-01-31' });
		const spring = await closedRound(firm.id, 10, { name: 'Voorjaar 2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		await h.db.insert(firmAction).values([
			{ firmId: firm.id, title: 'Elke maand een leerlunch', status: 'klaar', doneOn: '2026-02-14' },
			{ firmId: firm.id, title: 'Voor de vorige ronde klaar', status: 'klaar', doneOn: '2025-09-20' },
			{ firmId: firm.id, title: 'Nog bezig', status: 'bezig' },
			{ firmId: firm.id, title: 'Na deze ronde klaar', status: 'klaar', doneOn: '2026-04-02' }
		]);

		const before = (await view(autumn)).report;
		const after = await view(spring);
		const change = after.report.change;
		expect(change?.against).toEqual({ round: 'Najaar 2025', employees: 8 });
		expect(change?.aspects).toHaveLength(6);
		for (const aspect of change!.aspects) {
			const b = figures(before, aspect.id);
			const a = figures(after.report, aspect.id);
			const expected = welchChange(b, a);
			expect(aspect.before).toEqual({ n: b.n, mean: b.mean });
			expect(aspect.after).toEqual({ n: a.n, mean: a.mean });
			expect(aspect.difference).toBeCloseTo(a.mean - b.mean, 12);
			expect(aspect.ci95).toEqual(expected.ci95);
			expect(aspect.d).toBe(expected.cohensD);
		}
		expect(after.comparison.against?.name).toBe('Najaar 2025');
		expect(after.comparison.choices.map((r) => r.name)).toEqual(['Najaar 2025']);
		expect(after.comparison.history.map((r) => r.round.name)).toEqual(['Najaar 2025', 'Voorjaar 2026']);
		expect(after.comparison.actions).toEqual([{ title: 'Elke maand een leerlunch', doneOn: '2026-02-14' }]);
		// The first round has nothing before it.
		expect(before.change).toBeNull();
	});

	it('publishes the earlier round\u2019s version first when its own report would, so both pages agree', async () => {
		const firm = await makeFirm(h.db);
		// Never opened: no version yet, though it ended with enough answers.
		const autumn = await seedRound(h.db, firm.id, { name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
		await seedResponses(h.db, autumn, 6);
		const spring = await closedRound(firm.id, 7, { name: 'Voorjaar 2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		const change = (await view(spring)).report.change;
		expect(change?.against).toEqual({ round: 'Najaar 2025', employees: 6 });
		const own = (await view(autumn)).report;
		expect(change?.aspects[0]?.before).toEqual({ n: own.aspects[0]?.employee.n, mean: own.aspects[0]?.employee.mean });
	});

	it('does not move with late answers that were never published, nor when retention removed the answers', async () => {
		const firm = await makeFirm(h.db);
		const autumn = await closedRound(firm.id, 6, { name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
		const spring = await closedRound(firm.id, 7, { name: 'Voorjaar 2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		const first = (await view(spring)).report.change;
		expect(first?.aspects.some((a) => a.difference !== null)).toBe(true);
		// Three answers after the last version of the closed round: under k, so never published.
		await seedResponses(h.db, autumn, 3);
		expect((await view(autumn)).report.respondents.employee).toBe(6);
		expect((await view(spring)).report.change).toEqual(first);
		// Retention: the answers go, the published figures stay.
		await h.db.delete(scanResponse).where(eq(scanResponse.roundId, autumn.id));
		await h.db.insert(roundRetention).values({ roundId: autumn.id, removedOn: today, responsesRemoved: 9, reports: null });
		expect((await view(spring)).report.change).toEqual(first);
	});

	it('orders rounds by start date, then creation, and compares with a picked earlier round, by id or by name', async () => {
		const firm = await makeFirm(h.db);
		const spring = await closedRound(firm.id, 6, { name: 'Voorjaar 2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		// Made later, but started earlier: it comes first.
		const autumn = await closedRound(firm.id, 5, { name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
		// Same start as spring but made after it: it comes after spring.
		const sameDay = await closedRound(firm.id, 7, { name: 'Voorjaar 2026 herhaald', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		expect((await view(spring)).report.change?.against.round).toBe('Najaar 2025');
		const latest = await view(sameDay);
		expect(latest.report.change?.against.round).toBe('Voorjaar 2026');
		expect(latest.comparison.choices.map((r) => r.name)).toEqual(['Voorjaar 2026', 'Najaar 2025']);

		const byId = await view(sameDay, { id: autumn.id });
		expect(byId.comparison.refused).toBe(false);
		expect(byId.report.change?.against).toEqual({ round: 'Najaar 2025', employees: 5 });
		expect((await view(sameDay, { name: 'najaar 2025' })).report.change?.against.round).toBe('Najaar 2025');

		// A later round, the round itself, or a round of another firm cannot be picked: the previous round is used.
		const other = await makeFirm(h.db);
		const foreign = await closedRound(other.id, 9, { name: 'Najaar 2024', opensOn: '2024-10-01', closesOn: '2024-10-31' });
		for (const compare of [{ id: sameDay.id }, { name: 'Voorjaar 2026 herhaald' }, { id: foreign.id }, { name: 'Najaar 2024' }]) {
			const refused = await view(spring, compare);
			expect(refused.comparison.refused).toBe(true);
			expect(refused.report.change?.against.round).toBe('Najaar 2025');
		}
		expect((await view(spring)).comparison.history.map((r) => r.round.name)).toEqual(['Najaar 2025', 'Voorjaar 2026', 'Voorjaar 2026 herhaald']);
	});

	it('lists every aspect with nulls when this round is under k, and is null without an earlier round with figures', async () => {
		const firm = await makeFirm(h.db);
		const small = await closedRound(firm.id, 4, { name: 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' });
		const spring = await closedRound(firm.id, 6, { name: 'Voorjaar 2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
		expect((await view(spring)).report.change).toBeNull();
		expect((await view(small)).report.change).toBeNull();
		const summer = await closedRound(firm.id, 3, { name: 'Zomer 2026', opensOn: '2026-06-01', closesOn: '2026-06-05' });
		const change = (await view(summer)).report.change;
		expect(change?.against.round).toBe('Voorjaar 2026');
		expect(change?.aspects.every((a) => a.before === null && a.after === null && a.difference === null && a.ci95 === null && a.d === null)).toBe(true);
	});
});
