import { describe, expect, it } from 'vitest';
import { sampleView } from '../../../../tests/helpers/report-views';
import { REPORT_COLUMNS, reportTable } from './report-table';

const rowsOf = (section: string, table: ReturnType<typeof reportTable>) =>
	table.rows.filter((row) => row[REPORT_COLUMNS.indexOf('section')] === section).map((row) => Object.fromEntries(REPORT_COLUMNS.map((c, i) => [c, row[i]])));

describe('the report table of an export', () => {
	it('says that an imported round was not collected by Leerkompas, in words', () => {
		const imported = rowsOf('origin', reportTable(sampleView({ employees: 8, origin: 'imported' }).report));
		expect(imported).toHaveLength(1);
		expect(imported[0]).toMatchObject({ id: 'imported' });
		expect(String(imported[0]!.label)).toContain('niet zelf verzameld');
		expect(rowsOf('origin', reportTable(sampleView({ employees: 8 }).report))[0]).toMatchObject({ id: 'collected', label: null });
	});

	it('has the language counts the report shows, the rest as one row, and none when the report shows none', () => {
		const report = sampleView({ employees: 20 }).report;
		const languages = { shown: [{ language: 'nl' as const, label: 'Nederlands', n: 14 }], other: 6 };
		expect(rowsOf('language', reportTable({ ...report, languages }))).toEqual([
			expect.objectContaining({ id: 'nl', label: 'Nederlands', n: 14 }),
			expect.objectContaining({ id: 'other', label: 'Andere talen of niet bekend', n: 6 })
		]);
		expect(rowsOf('language', reportTable({ ...report, languages: null }))).toEqual([]);
	});

	it('has no signal rows before a version holds signals', () => {
		expect(rowsOf('signal', reportTable(sampleView({ employees: 8 }).report))).toEqual([]);
	});
});
