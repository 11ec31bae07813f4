// Attack: subtracting breakdown groups (issue 10, point 3). With 12 honest answers, team Winkel holds five
// people of 55+ and one of 25-34; every shown group has at least 5, yet 6 x mean(Winkel) - 5 x mean(55+) would
// be the one younger person's score on every aspect. The owner reads the report JSON and tries exactly that.
import { beforeAll, describe, expect, it } from 'vitest';
import { servedReportSchema, type Report } from '../../src/lib/domain/report';
import { pdfPlainText } from '../helpers/pdf-text';
import type { HttpSession } from '../e2e/support/http-client';
import { answer, aspectIds, itemIds, ownerWithRound } from './survey-seed';

let owner: HttpSession;
let reportPath: string;

beforeAll(async () => {
	const round = await ownerWithRound('Bakkerij De Korst', ['Werkplaats', 'Winkel']);
	owner = round.owner;
	reportPath = `/firms/${round.firm}/rounds/${round.roundId}/report`;
	// The one person of 25-34 in Winkel answers "helemaal eens" everywhere, unlike anyone else.
	await answer(round.survey, { age: '25_34', team: 'Winkel', base: 0, answers: Object.fromEntries(itemIds.map((id) => [id, '5'])) });
	for (let i = 0; i < 5; i++) await answer(round.survey, { age: '55_plus', team: 'Winkel', base: i + 1 });
	for (let i = 0; i < 3; i++) await answer(round.survey, { age: '35_44', team: 'Werkplaats', base: i + 2 });
	for (let i = 0; i < 3; i++) await answer(round.survey, { age: '45_54', team: 'Werkplaats', base: i + 3 });
}, 120_000);

const groupOf = (report: Report, variable: string, category: string) =>
	report.breakdowns.find((b) => b.variable === variable)?.groups.find((g) => g.category === category);

describe('differencing across breakdowns, with honest data', () => {
	it('leaves no aspect where 6 x mean(Winkel) - 5 x mean(55+) can be worked out', async () => {
		const res = await owner.get(`${reportPath}/report.json`);
		expect(res.status).toBe(200);
		const report = servedReportSchema.parse(await res.json());
		expect(report.respondents.employee).toBe(12);
		const winkel = groupOf(report, 'team', 'Winkel');
		const older = groupOf(report, 'age', '55_plus');
		for (const aspect of aspectIds) {
			const w = winkel?.aspects?.[aspect] ?? null;
			const o = older?.aspects?.[aspect] ?? null;
			const computable = w !== null && o !== null && winkel?.n === 6 && older?.n === 5;
			expect(computable, `aspect ${aspect}: Winkel ${w} (n ${winkel?.n}), 55+ ${o} (n ${older?.n})`).toBe(false);
		}
		// And it says so: the hidden group is listed, and the page explains why.
		expect(report.withheld.some((w) => w.group === 'age:55_plus' || w.group === 'team:Winkel')).toBe(true);
		const page = await (await owner.get(reportPath)).text();
		expect(page).toContain('verborgen om de anonimiteit te beschermen');
		const pdf = await pdfPlainText(new Uint8Array(await (await owner.get(`${reportPath}/report.pdf`)).arrayBuffer()));
		expect(pdf.replace(/\s+/g, ' ')).toContain('verborgen om de anonimiteit te beschermen');
	});

	it('gives the report export the same hidden group, marked as withheld', async () => {
		const csv = await (await owner.get(reportPath.replace(/\/report$/, '/export/report.csv'))).text();
		const [head, ...lines] = csv.trim().split('\n').map((line) => line.split(','));
		const column = (name: string) => head!.indexOf(name);
		const older = lines.filter((cells) => cells[column('variable')] === 'age' && cells[column('category')] === '55_plus');
		expect(older.length).toBeGreaterThan(0);
		for (const cells of older) {
			expect(cells[column('mean')]).toBe('');
			expect(cells[column('withheld')]).toBe('anonymity');
		}
	});

	it('keeps the figures that expose nobody: the total and team Werkplaats', async () => {
		const report = servedReportSchema.parse(await (await owner.get(`${reportPath}/report.json`)).json());
		expect(report.aspects.every((a) => a.employee.n === 12 && a.employee.mean !== null)).toBe(true);
		expect(groupOf(report, 'team', 'Werkplaats')?.n).toBe(6);
	});
});
