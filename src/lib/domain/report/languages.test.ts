// The languages a questionnaire was filled in, as the report counts them: only under the disclosure rules, so
// that nobody learns one person's language, in one version or by subtracting versions or groups.
import { describe, expect, it } from 'vitest';
import { loadInstrument, type SurveyLocale } from '../instrument';
import { findExposure } from '../privacy/disclosure';
import { emptyLearning, type ScanResponse } from '../response';
import { buildReport } from './build';
import { discloseReport, type EarlierVersion, type IdentifiedResponse, type ShownSets } from './disclosure';
import type { Report } from './schema';

const instrument = loadInstrument('v1');

function person(id: string, language: SurveyLocale | null, background: Record<string, string> = {}): IdentifiedResponse {
	const answers = Object.fromEntries(instrument.items.map((item, i) => [item.id, ((id.length + i) % 5) + 1]));
	const response: ScanResponse = { perspective: 'employee', answers, background, learning: emptyLearning, open: {}, language };
	return { id, response };
}
const people = (prefix: string, count: number, language: SurveyLocale | null, background: Record<string, string> = {}) =>
	Array.from({ length: count }, (_, i) => person(`${prefix}${i}`, language, background));

const build = (employees: readonly IdentifiedResponse[]) => {
	const input = { instrument, responses: employees.map((e) => e.response), invited: null, openAnswersVerbatim: false, teams: ['A', 'B'] };
	return { nl: buildReport({ ...input, locale: 'nl' }), en: buildReport({ ...input, locale: 'en' }) };
};
const random = () => 0.5;

/** Publishes a version after the earlier ones, as the shell does, and keeps it for the next. */
function publish(employees: readonly IdentifiedResponse[], earlier: EarlierVersion[]) {
	const { reports, shown } = discloseReport({ instrument, employees, reports: build(employees), earlier, random });
	earlier.push({ version: earlier.length + 1, shown, reports });
	return reports;
}

const counts = (report: Report) => (report.languages ? Object.fromEntries(report.languages.shown.map((l) => [l.language, l.n])) : null);

/** Every set of respondents whose number the published versions show, as the attacker sees them. */
function countedSets(earlier: readonly EarlierVersion[]) {
	return earlier.flatMap((v) => Object.entries((v.shown as ShownSets).respondents ?? {}).map(([id, members]) => ({ id: `v${v.version}:${id}`, members })));
}

describe('report languages: shown only under the disclosure rules', () => {
	it('a team of k+1 with one Arabic response shows no language at all, in either report language', () => {
		const employees = [...people('nl', 5, 'nl'), person('ar', 'ar')];
		const { nl, en } = publish(employees, []);
		expect(nl.languages).toBeNull();
		expect(en.languages).toBeNull();
		expect(JSON.stringify(nl)).not.toMatch(/"ar"/);
	});

	it('one language used says nothing and is not shown; neither are responses without a known language', () => {
		expect(publish(people('nl', 12, 'nl'), []).nl.languages).toBeNull();
		expect(publish([...people('nl', 6, 'nl'), ...people('x', 6, null)], []).nl.languages).toBeNull();
	});

	it('shows each language used by at least k, with the rest as one number of 0 or at least k', () => {
		const { nl, en } = publish([...people('nl', 6, 'nl'), ...people('pl', 5, 'pl')], []);
		expect(counts(nl)).toEqual({ nl: 6, pl: 5 });
		expect(nl.languages!.other).toBe(0);
		expect(nl.languages!.shown.map((l) => l.label)).toEqual(['Nederlands', 'Polski']);
		expect(en.languages!.shown.map((l) => l.n)).toEqual([6, 5]);
	});

	it('complementary suppression: 9 Dutch, 5 Polish, 1 Arabic shows only the Dutch count, the rest as 6', () => {
		const { nl } = publish([...people('nl', 9, 'nl'), ...people('pl', 5, 'pl'), person('ar', 'ar')], []);
		expect(counts(nl)).toEqual({ nl: 9 });
		expect(nl.languages!.other).toBe(6);
	});

	it('two versions cannot be subtracted to find the language of one new respondent', () => {
		const earlier: EarlierVersion[] = [];
		const first = [...people('nl', 5, 'nl'), ...people('pl', 5, 'pl')];
		expect(counts(publish(first, earlier).nl)).toEqual({ nl: 5, pl: 5 });
		// Five more: four in Dutch, one in Arabic. Alone this version could show "Nederlands 9" (the rest 6), and
		// 15 - 10 respondents minus 9 - 5 Dutch ones would say that one new person did not answer in Dutch.
		const second = [...first, ...people('nl-new', 4, 'nl'), person('ar', 'ar')];
		expect(counts(build(second).nl)).toEqual({ nl: 9 });
		const { nl } = publish(second, earlier);
		expect(counts(nl) ?? {}).not.toHaveProperty('nl', 9);
		expect(findExposure(countedSets(earlier), 5).exposed).toBeNull();
	});

	it('a language group cannot be subtracted from a team to single out one person', () => {
		// Team A: five Polish and one Dutch; team B: five Dutch. A - Polish, or Dutch - B, would be one person.
		const employees = [...people('pl', 5, 'pl', { team: 'A' }), person('nlA', 'nl', { team: 'A' }), ...people('nlB', 5, 'nl', { team: 'B' })];
		const built = build(employees).nl;
		expect(counts(built)).toEqual({ nl: 6, pl: 5 });
		const earlier: EarlierVersion[] = [];
		const { nl } = publish(employees, earlier);
		expect(findExposure(countedSets(earlier), 5).exposed).toBeNull();
		// What disclosure hid is hidden in the report too, and never shows a language of fewer than k.
		const shownLanguages = Object.keys(earlier[0]!.shown.respondents!).filter((id) => id.startsWith('language:'));
		expect(Object.keys(counts(nl) ?? {}).map((l) => `language:${l}`)).toEqual(shownLanguages);
	});

	it('shows nothing before k employees answered', () => {
		expect(publish([...people('nl', 2, 'nl'), ...people('pl', 2, 'pl')], []).nl.languages).toBeNull();
	});
});
