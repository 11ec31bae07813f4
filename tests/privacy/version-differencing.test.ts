// Attack: subtracting published versions (issue 10, "Changes across versions"). Versions come in steps of at
// least k responses, but an item's own count can grow by fewer when newcomers skip it: version 2 minus
// version 1 would then give the answers of two people. The owner keeps the JSON of both versions and subtracts.
import { beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema, type Report } from '../../src/lib/domain/report';
import type { HttpSession } from '../e2e/support/http-client';
import { answer, itemIds, ownerWithRound } from './survey-seed';

let owner: HttpSession;
let first: Report;
let second: Report;
const k = 5;

beforeAll(async () => {
	const round = await ownerWithRound('Schilder Van Dam', ['Buiten', 'Binnen']);
	owner = round.owner;
	const json = async () => servedReportSchema.parse(await (await owner.get(`/firms/${round.firm}/rounds/${round.roundId}/report/report.json`)).json());
	for (let i = 0; i < 5; i++) await answer(round.survey, { team: 'Buiten', base: i });
	first = await json();
	// Five newcomers: three leave werk_1 and werk_2 out, two answer them (one says 1, one says 5).
	for (let i = 0; i < 3; i++) await answer(round.survey, { team: 'Binnen', base: i + 1, skip: ['werk_1', 'werk_2'] });
	await answer(round.survey, { team: 'Binnen', base: 2, answers: { werk_1: '1', werk_2: '1' } });
	await answer(round.survey, { team: 'Binnen', base: 3, answers: { werk_1: '5', werk_2: '5' } });
	second = await json();
}, 120_000);

describe('differencing across published versions', () => {
	it('publishes two versions, five responses apart', () => {
		expect(first.respondents.employee).toBe(5);
		expect(second.respondents.employee).toBe(10);
	});

	it('never lets an item\u2019s figures change by fewer than k respondents between the versions', () => {
		for (const id of itemIds) {
			const a = first.items.find((i) => i.id === id)!.employee;
			const b = second.items.find((i) => i.id === id)!.employee;
			if (a.distribution === null || b.distribution === null) continue;
			const grew = (b.n ?? 0) - (a.n ?? 0);
			// 0 means the earlier figure stayed; otherwise at least k new answers stand behind the change.
			expect(grew === 0 || grew >= k, `${id}: n ${a.n} -> ${b.n}, ${JSON.stringify(a.distribution)} -> ${JSON.stringify(b.distribution)}`).toBe(true);
			if (grew === 0) expect(b).toEqual(a);
		}
	});

	it('shows the earlier figure for werk_1 and says it is from version 1', () => {
		const werk1 = second.items.find((i) => i.id === 'werk_1')!;
		expect(werk1.employee).toEqual(first.items.find((i) => i.id === 'werk_1')!.employee);
		expect(second.withheld).toContainEqual({ measure: 'item:werk_1', group: null, shownFrom: 1 });
	});
});
