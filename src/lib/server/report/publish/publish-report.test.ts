import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { closeSeededRound, seedResponses, seedRound, type SeedRoundOptions } from '../../../../../tests/helpers/report-seed';
import { openTestDatabase, databaseKind } from '../../../../../tests/helpers/database';
import { makeFirm } from '../../../../../tests/helpers/factories';
import type { ScanResponse } from '../../../domain/response';
import type { DatabaseHandle } from '../../db/client';
import { reportVersion, roundSignal, scanResponse, scanRound } from '../../db/schema';
import { publishReportAtClose } from './publish-at-close';
import { publishRoundReport } from './publish-report';
import { findReportRound, findReportRoundByName, type ReportRound } from './report-round';
import { roundReport } from './round-report';
import { loadInstrument } from '../../../domain/instrument';
import { packedShownSetsSchema, unpackShownSets } from './shown-sets';

const today = '2026-03-10';
let h: DatabaseHandle;

beforeAll(async () => {
	h = await openTestDatabase();
});
afterAll(async () => {
	await h.close();
});

async function makeRound(options: SeedRoundOptions = {}): Promise<ReportRound> {
	const firm = await makeFirm(h.db, { name: 'Bakkerij De Korenaar' });
	return seedRound(h.db, firm.id, options);
}

const answer = (round: ReportRound, count: number, perspective: ScanResponse['perspective'] = 'employee') =>
	seedResponses(h.db, round, count, perspective);
const close = (round: ReportRound) => closeSeededRound(h.db, round);

async function versions(round: ReportRound) {
	return h.db
		.select({ version: reportVersion.version, included: reportVersion.includedResponses })
		.from(reportVersion)
		.where(eq(reportVersion.roundId, round.id))
		.orderBy(reportVersion.version);
}

describe(`publishing report versions (${databaseKind})`, () => {
	it('shows nothing about employees before k have answered, not even how many answered so far', async () => {
		const round = await makeRound();
		await answer(round, 4);
		await answer(round, 1, 'owner');
		const view = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(view.version).toBeNull();
		expect(Object.keys(view)).not.toContain('responses');
		expect(view.report.employeeFigures).toBe(false);
		expect(view.report.selfScanOffered).toBe(true);
		expect(view.report.respondents).toEqual({ employee: 0, owner: 1 });
		expect(view.report.responseRate).toEqual({ invited: null, rate: null, low: null });
		expect(view.report.aspects.every((a) => a.employee.mean === null && a.owner.mean !== null)).toBe(true);
		expect(await versions(round)).toEqual([]);
	});

	it('gives no response rate for answers read from a file, and at most 100% otherwise', async () => {
		const imported = await makeRound({ invited: 3 });
		await answer(imported, 5);
		await h.db.update(scanRound).set({ origin: 'imported' }).where(eq(scanRound.id, imported.id));
		const found = (await findReportRound(h.db, imported.firmId, imported.id))!;
		expect(found.origin).toBe('imported');
		expect((await roundReport(h.db, 'Bakkerij', found, { today, locale: 'nl' })).report.responseRate).toEqual({ invited: null, rate: null, low: null });

		const travelled = await makeRound({ invited: 3 });
		await answer(travelled, 5);
		const round = (await findReportRound(h.db, travelled.firmId, travelled.id))!;
		expect(round.origin).toBe('collected');
		expect((await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' })).report.responseRate).toEqual({ invited: 3, rate: 1, low: false });
	});

	it('publishes a new version only after k new responses, and keeps the figures of a version fixed', async () => {
		const round = await makeRound();
		await answer(round, 5);
		const first = await publishRoundReport(h.db, round, today);
		expect(first.latest?.version).toBe(1);
		expect(first.latest?.reports.nl.respondents.employee).toBe(5);
		expect(first.decision.nextVersionAt).toBe(10);

		await answer(round, 4);
		const same = await publishRoundReport(h.db, round, today);
		expect(same.latest?.version).toBe(1);
		expect(same.responses).toBe(9);
		expect(same.latest?.reports).toEqual(first.latest?.reports);
		const view = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'en' });
		expect(view.report.respondents.employee).toBe(5);
		expect(view.report.locale).toBe('en');

		await answer(round, 1);
		const second = await publishRoundReport(h.db, round, today);
		expect(second.latest?.version).toBe(2);
		expect(second.latest?.reports.nl.respondents.employee).toBe(10);
		expect(await versions(round)).toEqual([
			{ version: 1, included: 5 },
			{ version: 2, included: 10 }
		]);
		const unmarked = await h.db
			.select({ id: scanResponse.id })
			.from(scanResponse)
			.where(and(eq(scanResponse.roundId, round.id), isNull(scanResponse.publishedIn)));
		expect(unmarked).toEqual([]);
	});

	it('takes the owner\u2019s answers into the current version without changing the employee figures', async () => {
		const round = await makeRound();
		await answer(round, 6);
		const before = await publishRoundReport(h.db, round, today);
		expect(before.latest?.reports.nl.respondents.owner).toBe(0);
		await answer(round, 1, 'owner');
		const after = await publishRoundReport(h.db, round, today);
		expect(after.latest?.version).toBe(1);
		const nl = after.latest!.reports.nl;
		expect(nl.respondents).toEqual({ employee: 6, owner: 1 });
		expect(nl.aspects.map((a) => a.employee)).toEqual(before.latest!.reports.nl.aspects.map((a) => a.employee));
		expect(nl.aspects.every((a) => a.owner.n === 1 && a.gap !== null)).toBe(true);
	});

	it('at close takes in the rest only when it is again at least k, and otherwise counts it as too late', async () => {
		const late = await makeRound({ name: 'Te laat' });
		await answer(late, 7);
		await publishRoundReport(h.db, late, today);
		const closedLate = await close(late);
		const view = await roundReport(h.db, 'Bakkerij', closedLate, { today, locale: 'nl' });
		expect(view.version?.number).toBe(1);
		expect(view.tooLate).toBe(0);
		expect(view.report.respondents.employee).toBe(7);

		const round = await makeRound({ name: 'Een paar te laat' });
		await answer(round, 5);
		await publishRoundReport(h.db, round, today);
		await answer(round, 3);
		const closed = await close(round);
		const final = await roundReport(h.db, 'Bakkerij', closed, { today, locale: 'nl' });
		expect(final.version?.number).toBe(1);
		expect(final.tooLate).toBe(3);
		expect(final.report.lateResponses).toBe(3);
		expect(final.report.respondents.employee).toBe(5);

		const enough = await makeRound({ name: 'Genoeg erbij' });
		await answer(enough, 5);
		await publishRoundReport(h.db, enough, today);
		await answer(enough, 6);
		// a round past its closing day counts as closed, even if nobody pressed the button
		const past = await publishRoundReport(h.db, enough, '2026-04-01');
		expect(past.closed).toBe(true);
		expect(past.latest?.version).toBe(2);
		expect(past.latest?.reports.nl.respondents.employee).toBe(11);
		expect(past.latest?.reports.nl.lateResponses).toBe(0);
	});

	it('publishes the final version when the round is closed, dated the day of closing', async () => {
		const round = await makeRound({ name: 'Sluiten' });
		await answer(round, 5);
		await publishRoundReport(h.db, round, today);
		await answer(round, 5);
		await close(round);
		const state = await publishReportAtClose(h.db, { firmId: round.firmId, roundId: round.id }, '2026-03-20');
		expect(state?.latest).toMatchObject({ version: 2, includedResponses: 10, publishedOn: '2026-03-20' });
		expect(state?.decision.nextVersionAt).toBeNull();
		expect(await publishReportAtClose(h.db, { firmId: '00000000-0000-4000-8000-000000000000', roundId: round.id }, today)).toBeNull();
	});

	it('gives a closed round with fewer than k responses no version at all', async () => {
		const round = await close(await makeRound());
		await answer(round, 4);
		const view = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(view.version).toBeNull();
		expect(view.tooLate).toBe(0);
		expect(view.report.employeeFigures).toBe(false);
		expect(await versions(round)).toEqual([]);
	});

	it('publishes one version when two requests ask at the same moment', async () => {
		const round = await makeRound({ threshold: 3 });
		await answer(round, 3);
		const results = await Promise.all([publishRoundReport(h.db, round, today), publishRoundReport(h.db, round, today)]);
		expect(results.map((r) => r.latest?.version)).toEqual([1, 1]);
		expect(await versions(round)).toEqual([{ version: 1, included: 3 }]);
	});

	it('never lets two versions differ by fewer than k responses, whatever the order of arrivals', async () => {
		const round = await makeRound({ threshold: 4 });
		for (const batch of [1, 2, 1, 3, 1, 1, 5, 2, 1, 1]) {
			await answer(round, batch);
			await publishRoundReport(h.db, round, today);
		}
		const list = await versions(round);
		expect(list.length).toBeGreaterThan(2);
		expect(list[0]!.included).toBeGreaterThanOrEqual(4);
		for (let i = 1; i < list.length; i++) expect(list[i]!.included - list[i - 1]!.included).toBeGreaterThanOrEqual(4);
	});

	it('finds a round only within its own firm, by id or by name in any capitals', async () => {
		const round = await makeRound();
		const other = await makeFirm(h.db);
		expect(await findReportRound(h.db, other.id, round.id)).toBeNull();
		expect(await findReportRound(h.db, round.firmId, 'not-a-uuid')).toBeNull();
		expect((await findReportRoundByName(h.db, round.firmId, ' voorjaar 2026 '))?.id).toBe(round.id);
		expect(await findReportRoundByName(h.db, other.id, 'Voorjaar 2026')).toBeNull();
	});

});

describe(`disclosure control when publishing (${databaseKind})`, () => {
	/** Employee responses that answer every statement but the named ones (sample answers leave some out at random). */
	async function answerSkipping(round: ReportRound, count: number, skip: string[]) {
		const unpublished = () =>
			h.db
				.select({ id: scanResponse.id, answers: scanResponse.answers })
				.from(scanResponse)
				.where(and(eq(scanResponse.roundId, round.id), isNull(scanResponse.publishedIn)));
		// Only the rows added now: earlier unpublished ones keep what they skipped (row order is not fixed on PostgreSQL).
		const before = new Set((await unpublished()).map((row) => row.id));
		await answer(round, count);
		const fresh = (await unpublished()).filter((row) => !before.has(row.id));
		expect(fresh).toHaveLength(count);
		// Every other statement gets a real score: a drawn "weet ik niet" would hide it from a version by chance, and
		// which draws a test gets depends on the files that ran before it in the same worker.
		const instrument = loadInstrument('v1');
		const score = (value: number | null | undefined) => (typeof value === 'number' && value !== instrument.scale.dontKnow ? value : 3);
		for (const row of fresh) {
			const answers = Object.fromEntries(
				instrument.items.filter((item) => !skip.includes(item.id)).map((item) => [item.id, score(row.answers[item.id])])
			);
			await h.db.update(scanResponse).set({ answers }).where(eq(scanResponse.id, row.id));
		}
	}

	/** Employee responses given in one survey language. */
	async function answerIn(round: ReportRound, count: number, language: 'nl' | 'pl' | 'ar') {
		await answer(round, count);
		await h.db.update(scanResponse).set({ language }).where(and(eq(scanResponse.roundId, round.id), isNull(scanResponse.language), eq(scanResponse.perspective, 'employee')));
	}

	it('counts the survey languages of the stored responses, and no two versions tell one new person\u2019s language', async () => {
		const round = await makeRound({ name: 'Talen', teams: [] });
		await answerIn(round, 5, 'nl');
		await answerIn(round, 5, 'pl');
		const first = await publishRoundReport(h.db, round, today);
		expect(first.latest?.reports.nl.languages).toEqual({ shown: [{ language: 'nl', label: 'Nederlands', n: 5 }, { language: 'pl', label: 'Polski', n: 5 }], other: 0 });
		// Four more in Dutch and one in Arabic: "Nederlands 9" next to 15 respondents would single out the Arabic one.
		await answerIn(round, 4, 'nl');
		await answerIn(round, 1, 'ar');
		const second = await publishRoundReport(h.db, round, today);
		expect(second.latest?.version).toBe(2);
		const languages = second.latest?.reports.nl.languages ?? null;
		expect(languages?.shown.find((l) => l.language === 'nl')?.n).not.toBe(9);
		expect(JSON.stringify(second.latest?.reports)).not.toContain('"ar"');
		const [stored] = await h.db.select({ shownSets: reportVersion.shownSets }).from(reportVersion).where(and(eq(reportVersion.roundId, round.id), eq(reportVersion.version, 1)));
		expect(Object.keys(unpackShownSets(packedShownSetsSchema.parse(stored!.shownSets)).respondents ?? {})).toEqual(expect.arrayContaining(['language:nl', 'language:pl']));
	});

	it('stores what each version showed and tests the next version against it', async () => {
		const round = await makeRound({ teams: [] });
		await answerSkipping(round, 5, []);
		const first = await publishRoundReport(h.db, round, today);
		// Three newcomers skip werk_1, two answer it: werk_1 would grow by 2 between the versions.
		await answerSkipping(round, 3, ['werk_1']);
		await answerSkipping(round, 2, []);
		const second = await publishRoundReport(h.db, round, today);
		expect(second.latest?.version).toBe(2);
		const werk1 = (reports: typeof first.latest) => reports!.reports.nl.items.find((i) => i.id === 'werk_1')!.employee;
		expect(werk1(second.latest)).toEqual(werk1(first.latest));
		expect(second.latest!.reports.nl.withheld).toContainEqual({ measure: 'item:werk_1', group: null, shownFrom: 1 });

		const [stored] = await h.db
			.select({ shownSets: reportVersion.shownSets })
			.from(reportVersion)
			.where(and(eq(reportVersion.roundId, round.id), eq(reportVersion.version, 1)));
		const ids = await h.db.select({ id: scanResponse.id }).from(scanResponse).where(and(eq(scanResponse.roundId, round.id), eq(scanResponse.publishedIn, 1)));
		const shown = unpackShownSets(packedShownSetsSchema.parse(stored!.shownSets));
		expect([...shown['item:werk_1']!.total!].sort()).toEqual(ids.map((r) => r.id).sort());

		// The owner answering later rebuilds the version's view, with the same figures hidden and the same order.
		await answer(round, 1, 'owner');
		const again = await publishRoundReport(h.db, round, today);
		expect(again.latest?.version).toBe(2);
		expect(again.latest!.reports.nl.respondents.owner).toBe(1);
		expect(werk1(again.latest)).toEqual(werk1(first.latest));
		expect(again.latest!.reports.nl.open).toEqual(second.latest!.reports.nl.open);
	});

	it('tests against versions published before shown sets were kept, worked out from their reports', async () => {
		const round = await makeRound({ teams: [] });
		await answerSkipping(round, 5, []);
		await publishRoundReport(h.db, round, today);
		await h.db.update(reportVersion).set({ shownSets: null }).where(eq(reportVersion.roundId, round.id));
		await answerSkipping(round, 3, ['werk_1']);
		await answerSkipping(round, 2, []);
		const second = await publishRoundReport(h.db, round, today);
		expect(second.latest!.reports.nl.withheld).toContainEqual({ measure: 'item:werk_1', group: null, shownFrom: 1 });
	});
});

// After the tests above, so that the sample answers they draw stay the same.
describe(`signals, origin and the owner's version when publishing (${databaseKind})`, () => {
	it('shows the warning signals as they stood at publication, unchanged until the next version', async () => {
		const round = await makeRound({ name: 'Signalen', invited: 6 });
		await answer(round, 4);
		await h.db.insert(roundSignal).values({ roundId: round.id, burst: 3, identical: 1, sameAnswer: 0 });
		const before = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		// no version, no signals: they would tell the firm something about the answers so far
		expect(before.report.signals).toBeNull();
		await answer(round, 3);
		const first = await publishRoundReport(h.db, round, today);
		expect(first.latest?.reports.nl.signals).toEqual({ burst: 3, identical: 1, sameAnswer: 0, moreThanInvited: 1, moreThanEmployees: 0 });
		// a response arrives with a signal: nothing moves until a version holds it
		await h.db.update(roundSignal).set({ burst: 4 }).where(eq(roundSignal.roundId, round.id));
		await answer(round, 1);
		await answer(round, 1, 'owner');
		const same = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(same.report.signals).toEqual(first.latest?.reports.nl.signals);
		// the response rate stays at most 100%
		expect(same.report.responseRate.rate).toBe(1);
	});

	it('says an imported round was not collected by Leerkompas, with no response rate', async () => {
		const round = await makeRound({ name: 'Ingelezen', origin: 'imported' });
		await answer(round, 6);
		const view = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(view.report.origin).toBe('imported');
		expect(view.report.responseRate).toEqual({ invited: null, rate: null, low: null });
		expect(view.report.signals?.moreThanInvited).toBeNull();
	});

	it('shows the owner\u2019s version answered by several people only from k of them', async () => {
		const round = await makeRound({ name: 'Twee eigenaren' });
		await answer(round, 5);
		await answer(round, 2, 'owner');
		const two = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(two.report.respondents.owner).toBe(0);
		expect(two.report.aspects.every((a) => a.owner.mean === null)).toBe(true);
		await answer(round, 3, 'owner');
		const five = await roundReport(h.db, 'Bakkerij', round, { today, locale: 'nl' });
		expect(five.report.respondents.owner).toBe(5);
		expect(five.report.aspects.every((a) => a.owner.mean !== null)).toBe(true);
	});
});
